import "server-only";
import { headers } from "next/headers";

export type RequestMeta = { ipAddress?: string; requestId?: string };

/** The caller's address and the request id set by proxy.ts; empty outside a request (scripts, tests). */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return {
      ipAddress: forwarded || h.get("x-real-ip") || undefined,
      requestId: h.get("x-request-id") ?? undefined,
    };
  } catch {
    return {};
  }
}
