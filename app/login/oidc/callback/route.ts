import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { federatedCallback } from "@/lib/auth/oidc/callback";

/*
 * The IdP's redirect back after "Logga in med e-legitimation". Public by nature (nobody is signed
 * in yet): it opens a session only when lib/auth/oidc/flow.ts has checked the flow cookie, the
 * code exchange, the ID token, the assurance level and a provisioned, active account.
 */
export async function GET(request: NextRequest): Promise<never> {
  redirect(await federatedCallback(request.nextUrl.searchParams));
}
