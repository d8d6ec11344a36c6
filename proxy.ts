import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { decodeSessionToken } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";
import {
  contentSecurityPolicy,
  FORM_TOO_LARGE_MESSAGE,
  isCrossSiteRequest,
  isOversizedActionRequest,
  isUnreadableUrl,
  newNonce,
  requestIdFrom,
  UNREADABLE_URL_MESSAGE,
} from "@/lib/web-security";

/**
 * Runs before every request (static files aside):
 * - answers a URL that no route can read (a path that does not percent-decode, a NUL) with a
 *   Swedish 400, instead of the router's 500 or a database error;
 * - refuses a server action's body over the limit with a Swedish 413 (Next.js's own refusal was a 500);
 * - refuses state-changing requests, and GETs of exports (which write an EXPORT audit event), from
 *   other sites (CSRF), before any page, action or handler;
 * - gives each response a Content-Security-Policy with a fresh nonce, which Next.js reads from the
 *   request headers and puts on its own scripts (pages are therefore rendered per request);
 * - tags each request with an id for the logs (returned as x-request-id);
 * - sends anonymous visitors to the login page.
 * It is not the access check: every page and data function checks the actor itself
 * (lib/auth/session.ts loads the session and the user from the database on every request).
 *
 * It only reads the session token, never re-issues it: Auth.js's own middleware wrapper refreshes
 * the cookie on every request, which re-created it in the very response of a sign-out.
 */
const PUBLIC_PREFIXES = ["/login", "/api/health"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = requestIdFrom(request.headers);
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
  const tag = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("x-request-id", requestId);
    return response;
  };

  if (isUnreadableUrl(pathname, search)) {
    return tag(
      new NextResponse(UNREADABLE_URL_MESSAGE, {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  if (isOversizedActionRequest(request.method, request.headers)) {
    // Exactly "text/plain": Next's client then raises the body as the error's message.
    return tag(new NextResponse(FORM_TOO_LARGE_MESSAGE, { status: 413, headers: { "content-type": "text/plain" } }));
  }
  if (isCrossSiteRequest(request.method, request.headers, pathname)) {
    return tag(
      new NextResponse("Förfrågan avvisades: den kom från en annan webbplats.\n", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  if (!isPublic(pathname)) {
    const token = await getToken({
      req: request,
      secret: env().AUTH_SECRET,
      secureCookie: https,
      decode: decodeSessionToken,
    });
    if (!token) {
      const login = new URL("/login", request.nextUrl.origin);
      if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
      return tag(NextResponse.redirect(login));
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);
  return tag(NextResponse.next({ request: { headers } }));
}

export const config = {
  // The static files of public/ are for anyone (the icon, robots.txt, .well-known/security.txt).
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|robots.txt|\\.well-known/security.txt).*)"],
};
