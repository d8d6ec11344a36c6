/*
 * The browser-facing defences, as pure functions (proxy.ts and next.config.ts apply them; the
 * unit tests read them): a Content-Security-Policy with a fresh nonce per request, the usual
 * hardening headers, and the refusal of state-changing requests that come from another site.
 * No `server-only` marker: next.config.ts imports this file.
 */

/**
 * Scripts run only with this response's nonce (Next.js puts it on its own scripts when it finds
 * the policy in the request headers), and what they load ('strict-dynamic'). Style *attributes*
 * stay allowed: they cannot run code, and server-rendered components (charts) use them. Nothing
 * may frame the app, and forms post only to it.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Development's hot reload injects <style> elements without a nonce.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce (128 bits) per request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response, pages and files alike (next.config.ts). */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  // Browsers ignore it over plain HTTP, so it is safe to send always; behind TLS it pins HTTPS.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // URLs hold record ids: they are not told to other sites, not even the origin.
  { key: "Referrer-Policy", value: "no-referrer" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/*
 * Reads that write: each of these GET routes produces a file or an extract and records it as an
 * EXPORT audit event. The session cookie is SameSite=Lax, so a link or a redirect on another site
 * would carry it here and make the signed-in user "export" without knowing. They are refused from
 * other sites like state-changing requests. tests/unit/export-routes.test.ts fails when a route
 * handler is added that none of these covers.
 */
const EXPORT_PATHS: readonly RegExp[] = [
  /^\/people\/[^/]+\/extract(?:\/file)?$/, // register extract: the printable page and the file
  /^\/admin\/audit\/export$/, // the audit log as CSV
  /^\/dashboard\/csv$/, // a dashboard table as CSV
  /^\/national\/csv$/, // a table of the national view as CSV (issue 16)
];

/** Whether a path is one of the exporting GET routes (decoded, any case, trailing slash ignored). */
export function isExportPath(pathname: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is matched as written.
  }
  path = path.toLowerCase().replace(/\/+$/, "");
  return EXPORT_PATHS.some((pattern) => pattern.test(path));
}

function originDiffers(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || origin === "null" || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Whether a request comes from another site and must be refused (CSRF). Browsers label every
 * request with Sec-Fetch-Site, and always send Origin with POST; a state-changing request with
 * neither is no browser's form, and there is no public API to serve. Next.js checks server
 * actions' Origin too; this covers route handlers too, and runs before any of them.
 *
 * An exporting GET (`pathname`, see EXPORT_PATHS) is refused when it comes from another origin,
 * same-site subdomains included: a link in the app (`same-origin`) and an address typed or
 * bookmarked (`none`) pass. A GET without Sec-Fetch-Site (browsers before 2023, scripts) passes
 * unless it carries a foreign Origin: navigations send no Origin, and the app's Referrer-Policy
 * sends no Referer, so there is nothing else to tell by.
 */
export function isCrossSiteRequest(method: string, headers: Headers, pathname = ""): boolean {
  const site = headers.get("sec-fetch-site");
  if (SAFE_METHODS.has(method.toUpperCase())) {
    if (!isExportPath(pathname)) return false;
    if (site) return site !== "same-origin" && site !== "none";
    return headers.has("origin") && originDiffers(headers);
  }
  if (site) return site !== "same-origin";
  return originDiffers(headers);
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A request id from the load balancer is kept if it looks like one (it ends up in the logs). */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/**
 * A URL no route can answer: a path that does not percent-decode ("/admin/users/%ZZ", a cut
 * UTF-8 sequence such as "%E0%A4%A"), which Next.js's router answered with a bare 500, or a NUL
 * (%00) anywhere in the path or the query, which PostgreSQL's text cannot hold. Answered once for
 * every route, before any page runs (proxy.ts), with a plain Swedish 400.
 */
export function isUnreadableUrl(pathname: string, search: string): boolean {
  if (/%00/i.test(pathname) || /%00/i.test(search) || pathname.includes("\u0000")) return true;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const UNREADABLE_URL_MESSAGE =
  "Adressen kunde inte läsas: den innehåller ogiltiga tecken. Kontrollera länken eller gå till startsidan.\n";

/**
 * The largest server-action request body (next.config.ts's `serverActions.bodySizeLimit`). The
 * largest real form (a call-in with 200 personnummer) is a few kB. Next.js refuses a larger body
 * only once it is running the action, which reaches the browser as a 500 and the generic error
 * page; proxy.ts refuses it first, from its Content-Length, with this text as a 413, which Next's
 * client raises as the error's message (it reads a text/plain error body) and app/error.tsx shows.
 */
export const SERVER_ACTION_BODY_LIMIT = { text: "1mb", bytes: 1024 * 1024 } as const;
export const FORM_TOO_LARGE_MESSAGE =
  "Formuläret är för stort för att skickas (högst 1 MB). Korta texterna och försök igen.";

/** A server action's POST (Next.js marks it with a `Next-Action` header) larger than the limit. */
export function isOversizedActionRequest(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const length = Number(headers.get("content-length") ?? 0);
  return Number.isFinite(length) && length > SERVER_ACTION_BODY_LIMIT.bytes;
}
