import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

/**
 * Sends anonymous visitors to the login page and tags each request with an id for the logs.
 * It is not the access check: every page and every data function checks the actor itself
 * (lib/auth/session.ts loads the user from the database on every request).
 *
 * It only reads the session token, never re-issues it: Auth.js's own middleware wrapper refreshes
 * the cookie on every request, which re-created it in the very response of a sign-out.
 */
const PUBLIC_PATHS = new Set(["/login"]);

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  if (!PUBLIC_PATHS.has(pathname)) {
    const token = await getToken({ req: request, secret: env().AUTH_SECRET, secureCookie: request.nextUrl.protocol === "https:" });
    if (!token) {
      const login = new URL("/login", request.nextUrl.origin);
      if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
