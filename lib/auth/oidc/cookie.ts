import "server-only";
import { cookies, headers } from "next/headers";
import { FLOW_TTL_SECONDS, openFlow, sealFlow, type Flow } from "./flow";

/*
 * The federated sign-in's flow cookie and the URLs the IdP sends the browser back to. The cookie is
 * SameSite=Lax, unlike the password ticket's Strict: the IdP's redirect back is a top-level GET that
 * starts on the IdP's site, and a Strict cookie would not come with it. It is sealed, HttpOnly,
 * confined to /login/oidc and lives ten minutes; state and nonce inside it tie the answer to it.
 */

const COOKIE = "samverkan.oidc";
const PATH = "/login/oidc";
export const CALLBACK_PATH = "/login/oidc/callback";

/** This app's origin as the browser sees it: AUTH_URL when set (behind a proxy), else the request's. */
export async function appOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  return `${proto}://${host}`;
}

export async function redirectUri(): Promise<string> {
  return `${await appOrigin()}${CALLBACK_PATH}`;
}

async function isHttps(): Promise<boolean> {
  return (await appOrigin()).startsWith("https:");
}

export async function keepFlow(flow: Flow): Promise<void> {
  (await cookies()).set(COOKIE, sealFlow(flow), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: PATH,
    maxAge: FLOW_TTL_SECONDS,
  });
}

/** The flow, once: it is cleared as it is read, so a callback URL cannot be replayed. */
export async function takeFlow(): Promise<Flow | null> {
  const jar = await cookies();
  const flow = openFlow(jar.get(COOKIE)?.value);
  jar.set(COOKIE, "", { httpOnly: true, sameSite: "lax", secure: await isHttps(), path: PATH, maxAge: 0 });
  return flow;
}
