import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestMeta = { ipAddress?: string; requestId?: string };

/**
 * The client's address from X-Forwarded-For: `hops` entries from the right, because each trusted
 * proxy appends the address it saw, and everything further left is what the client claimed (and
 * could forge to dodge the login throttle). Next.js fills the header from the socket when absent.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | undefined {
  const entries = (forwardedFor ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const address = entries[Math.max(0, entries.length - hops)];
  return address && address.length <= 64 ? address : undefined;
}

/** The caller's address and the request id set by proxy.ts; empty outside a request (scripts, tests). */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return {
      ipAddress: clientAddress(h.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS),
      requestId: h.get("x-request-id") ?? undefined,
    };
  } catch {
    return {};
  }
}
