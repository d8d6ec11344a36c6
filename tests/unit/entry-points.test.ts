import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

/*
 * Every way into the server that acts for a user goes through lib/auth/session.ts, which checks
 * the session and the user on each request (deactivation and timeouts take effect at once). This
 * reads the source: every exported server action and every route handler must call one of the
 * guards, apart from the few that exist for people who are not signed in yet.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const GUARDS = /\b(requireActor|requireArea|getActor|getCurrentSession)\(/;
const PUBLIC_ACTIONS = new Set([
  "signInAction",
  "verifyCodeAction",
  "recoveryCodeAction",
  "enrolAction",
  "finishEnrolmentAction",
  "cancelSignInAction",
  "startFederatedSignInAction",
]);
// The health check, and the IdP's redirect back after signing in (nobody is signed in yet).
const PUBLIC_ROUTES = new Set(["app/api/health/route.ts", "app/login/oidc/callback/route.ts"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** `export async function name(...) { body }` → [name, body], the body up to the next export. */
function exportedFunctions(source: string): [string, string][] {
  const parts = source.split(/\n(?=export )/);
  return parts.flatMap((part) => {
    const m = /^export (?:async )?function (\w+)/.exec(part.trim());
    return m ? [[m[1]!, part] as [string, string]] : [];
  });
}

const sources = [...filesUnder(path.join(ROOT, "lib")), ...filesUnder(path.join(ROOT, "app"))].map((file) => ({
  file: path.relative(ROOT, file),
  source: readFileSync(file, "utf8"),
}));

it("every server action checks the session and the user first", () => {
  const actionFiles = sources.filter((s) => /^\s*["']use server["'];/.test(s.source));
  expect(actionFiles.length).toBeGreaterThan(2);
  const unguarded = actionFiles.flatMap(({ file, source }) =>
    exportedFunctions(source)
      .filter(([name, body]) => !PUBLIC_ACTIONS.has(name) && !GUARDS.test(body))
      .map(([name]) => `${file}: ${name}`),
  );
  expect(unguarded).toEqual([]);
});

it("every route handler checks the session and the user, apart from the health check and the IdP's callback", () => {
  const routes = sources.filter((s) => s.file.startsWith("app/") && s.file.endsWith("/route.ts"));
  expect(routes.map((r) => r.file)).toEqual(expect.arrayContaining([...PUBLIC_ROUTES]));
  const unguarded = routes.filter((r) => !PUBLIC_ROUTES.has(r.file) && !GUARDS.test(r.source)).map((r) => r.file);
  expect(unguarded).toEqual([]);
});

it("server actions and route handlers log with the request's id (requestLogger), not the bare logger", () => {
  const entryPoints = sources.filter(
    (s) => /^\s*["']use server["'];/.test(s.source) || (s.file.startsWith("app/") && s.file.endsWith("/route.ts")),
  );
  const bare = entryPoints
    .filter((s) => /import\s*\{[^}]*\blogger\b[^}]*\}\s*from\s*["']@\/lib\/logger["']/.test(s.source))
    .map((s) => s.file);
  expect(bare).toEqual([]);
});
