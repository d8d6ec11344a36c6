import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isCrossSiteRequest,
  isExportPath,
  isOversizedActionRequest,
  isUnreadableUrl,
  newNonce,
  requestIdFrom,
  SECURITY_HEADERS,
} from "./web-security";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the Content-Security-Policy", () => {
  it("allows scripts only with the nonce (and what they load), no inline or eval, no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades requests only behind HTTPS, and loosens only for development's hot reload", () => {
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
    const dev = contentSecurityPolicy("n", { dev: true });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).toContain("connect-src 'self' ws:");
  });

  it("uses a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("sends the usual hardening headers", () => {
    const byName = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(byName["X-Content-Type-Options"]).toBe("nosniff");
    expect(byName["Referrer-Policy"]).toBe("no-referrer");
    expect(byName["X-Frame-Options"]).toBe("DENY");
    expect(byName["Permissions-Policy"]).toContain("geolocation=()");
  });
});

describe("cross-site requests", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(isCrossSiteRequest(method, headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("refuses a state-changing request a browser labels as from another site", () => {
    for (const site of ["cross-site", "same-site", "none"])
      expect(isCrossSiteRequest("POST", headers({ "sec-fetch-site": site, host: "app.test" }))).toBe(true);
    expect(isCrossSiteRequest("POST", headers({ "sec-fetch-site": "same-origin", host: "app.test" }))).toBe(false);
    expect(isCrossSiteRequest("DELETE", headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("without Sec-Fetch-Site, compares Origin with the host the request was sent to", () => {
    expect(isCrossSiteRequest("POST", headers({ origin: "https://app.test", host: "app.test" }))).toBe(false);
    expect(isCrossSiteRequest("POST", headers({ origin: "https://evil.test", host: "app.test" }))).toBe(true);
    expect(
      isCrossSiteRequest(
        "POST",
        headers({ origin: "https://app.test", host: "internal:3000", "x-forwarded-host": "app.test" }),
      ),
    ).toBe(false);
    expect(isCrossSiteRequest("POST", headers({ origin: "null", host: "app.test" }))).toBe(true);
    expect(isCrossSiteRequest("POST", headers({ origin: "not a url", host: "app.test" }))).toBe(true);
    expect(isCrossSiteRequest("PUT", headers({ host: "app.test" }))).toBe(true);
  });
});

describe("request ids", () => {
  it("keeps a load balancer's id, replaces anything that could smuggle text into the logs", () => {
    expect(requestIdFrom(headers({ "x-request-id": "lb-1234abcd" }))).toBe("lb-1234abcd");
    for (const bad of ["", "short", "a b c d e f g h", "x".repeat(65), 'id"}{"forged":1}']) {
      const id = requestIdFrom(headers({ "x-request-id": bad }));
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("exports (GETs that write an EXPORT audit event)", () => {
  const EXPORTS = [
    "/admin/audit/export",
    "/dashboard/csv",
    "/people/0193a1b2-0000-7000-8000-000000000001/extract",
    "/people/0193a1b2-0000-7000-8000-000000000001/extract/file",
  ];

  it("are refused when a browser labels them as from another site or another origin of the site", () => {
    for (const path of EXPORTS) {
      for (const site of ["cross-site", "same-site"])
        expect(
          isCrossSiteRequest("GET", headers({ "sec-fetch-site": site, host: "app.test" }), path),
          `${site} ${path}`,
        ).toBe(true);
      expect(isCrossSiteRequest("HEAD", headers({ "sec-fetch-site": "cross-site" }), path)).toBe(true);
    }
  });

  it("pass from the app's own links and from an address typed or bookmarked", () => {
    for (const path of EXPORTS)
      for (const site of ["same-origin", "none"])
        expect(isCrossSiteRequest("GET", headers({ "sec-fetch-site": site, host: "app.test" }), path)).toBe(false);
  });

  it("without Sec-Fetch-Site, are refused only with a foreign Origin", () => {
    expect(isCrossSiteRequest("GET", headers({ host: "app.test" }), "/dashboard/csv")).toBe(false);
    expect(isCrossSiteRequest("GET", headers({ host: "app.test", origin: "https://app.test" }), "/dashboard/csv")).toBe(
      false,
    );
    expect(
      isCrossSiteRequest("GET", headers({ host: "app.test", origin: "https://evil.test" }), "/dashboard/csv"),
    ).toBe(true);
    expect(isCrossSiteRequest("GET", headers({ host: "app.test", origin: "null" }), "/dashboard/csv")).toBe(true);
  });

  it("are recognised however the path is spelt", () => {
    for (const path of ["/dashboard/csv/", "/Dashboard/CSV", "/dashboard/%63sv", "/admin/audit/export//"])
      expect(isExportPath(path), path).toBe(true);
    for (const path of ["/dashboard", "/admin/audit", "/people/x", "/people/x/extract/other", "/dashboard/csv-help"])
      expect(isExportPath(path), path).toBe(false);
    expect(isCrossSiteRequest("GET", headers({ "sec-fetch-site": "cross-site" }), "/people/x")).toBe(false);
  });
});

describe("URLs no route can read", () => {
  it.each([
    ["a path that does not percent-decode", "/admin/users/%ZZ", ""],
    ["a cut UTF-8 sequence", "/people/%E0%A4%A", ""],
    ["a lone %", "/people/%", ""],
    ["an encoded NUL in the path", "/people%00", ""],
    ["an encoded NUL in the query", "/people", "?q=%00"],
    ["an encoded NUL in lower case", "/people", "?q=a%00b"],
  ])("refuses %s", (_label, pathname, search) => {
    expect(isUnreadableUrl(pathname, search)).toBe(true);
  });

  it.each([
    ["/people", "?q=Anna%20Berg"],
    ["/people/0193a1b2-0000-7000-8000-000000000001", ""],
    ["/people", "?q=%ZZ"], // a query's bad escape stays literal text, which the search treats as text
    ["/people", "?q=%2500"], // "%00" typed as text
    ["/groups/%C3%A5", ""],
  ])("lets %s%s through", (pathname, search) => {
    expect(isUnreadableUrl(pathname, search)).toBe(false);
  });
});

describe("server-action bodies over the limit", () => {
  const action = (length: number | null) =>
    new Headers({ "next-action": "abc", ...(length === null ? {} : { "content-length": String(length) }) });
  it("are refused from their Content-Length, before Next.js reads them", () => {
    expect(isOversizedActionRequest("POST", action(1024 * 1024 + 1))).toBe(true);
    expect(isOversizedActionRequest("POST", action(1024 * 1024))).toBe(false);
    expect(isOversizedActionRequest("POST", action(null))).toBe(false);
    expect(isOversizedActionRequest("GET", action(5_000_000))).toBe(false);
    expect(isOversizedActionRequest("POST", new Headers({ "content-length": "5000000" }))).toBe(false);
  });
});
