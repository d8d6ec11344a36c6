import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { isExportPath } from "@/lib/web-security";

/*
 * Every GET route handler serves a file (and logs it as an export), so every one of them must be
 * refused from other sites by proxy.ts. Reads the app directory: a new route handler that the
 * list in lib/web-security.ts does not cover fails here.
 */

const ROOT = path.resolve(__dirname, "..", "..");
// Not exports: the health check (no session, no personal data), and the IdP's redirect back after
// signing in, which is cross-site by nature (state, nonce and the flow cookie tie it to its start).
const NOT_EXPORTS = new Set(["/api/health", "/login/oidc/callback"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/** app/(app)/people/[id]/extract/file/route.ts → /people/x1/extract/file */
function urlPath(file: string): string {
  const segments = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
  return `/${segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s, i) => (/^\[.*\]$/.test(s) ? `x${i}` : s))
    .join("/")}`;
}

const getRoutes = routeFiles(path.join(ROOT, "app"))
  .filter((file) => /export (async )?function GET\b/.test(readFileSync(file, "utf8")))
  .map(urlPath);

describe("exporting route handlers", () => {
  it("are all refused from other sites (apart from the health check and the IdP's callback)", () => {
    expect(getRoutes).toEqual(
      expect.arrayContaining(["/admin/audit/export", "/dashboard/csv", "/people/x1/extract/file", "/api/health"]),
    );
    expect(getRoutes.filter((p) => !NOT_EXPORTS.has(p) && !isExportPath(p))).toEqual([]);
  });

  it("answer 403 in proxy.ts to a cross-site GET, before any session is looked at", async () => {
    for (const route of [...getRoutes.filter((p) => !NOT_EXPORTS.has(p)), "/people/x1/extract"]) {
      const response = await proxy(
        new NextRequest(`http://app.test${route}?ref=D-1&format=csv`, { headers: { "sec-fetch-site": "cross-site" } }),
      );
      expect(response.status, route).toBe(403);
      expect(await response.text()).toContain("annan webbplats");
    }
  });

  it("are let through from the app's own pages (to the login page here: no session)", async () => {
    // proxy.ts reads the session cookie with the app's secret; nothing here touches the database.
    process.env.DATABASE_URL ??= "postgresql://unused@localhost:1/unused";
    process.env.AUTH_SECRET ??= "unit-tests-secret-unit-tests-secret-unit-tests";
    process.env.TOTP_ENCRYPTION_KEY ??= "unit-tests-totp-key-unit-tests-totp-key-unit";
    const response = await proxy(
      new NextRequest("http://app.test/dashboard/csv?section=x", { headers: { "sec-fetch-site": "same-origin" } }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/login?next=%2Fdashboard%2Fcsv");
    const page = await proxy(
      new NextRequest("http://app.test/people/x1", { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(page.status).toBe(307);
  });
});
