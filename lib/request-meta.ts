import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestMeta = { ipAddress?: string; requestId?: string };

/**
 * The client's address from X-Forwarded-For as the app's server passes it on: its last entry is
 * the TCP peer (scripts/serve.mjs appends it to every request), and each trusted proxy before it
 * appended the address it saw. So the client is `hops` entries left of the last: with no proxy
 * (hops 0) the peer itself. Everything further left is what the client claimed, and could be
 * forged to dodge the per-address sign-in throttle or to put another address into the audit log.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | undefined {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const address = entries[Math.max(0, entries.length - 1 - hops)];
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
