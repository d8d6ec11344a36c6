import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { allSchemaKeys } from "../schema-fields";
import { makeWorld, ROLES, type World } from "./fixtures";
import { testDatabaseUrl } from "./database";

/*
 * Every server action, called as a hostile client can call it: a server action is an HTTP
 * endpoint, and its arguments are whatever the client serialised. The list of actions is not
 * written here: every module under lib/ and app/ that starts with "use server" is imported and
 * every function it exports is called, so an action added later is covered without anyone adding
 * it. Each is called, signed in as each role, with arguments that are not form data, and with a
 * form in which every field name any schema knows holds a NUL, a number beyond INTEGER, or 100 kB.
 *
 * Expected: nothing is thrown but Next.js's redirect()/notFound() control flow, no answer is an
 * "unexpected" error (the generic one with an event id), and for every malformed call (not form
 * data, a NUL, 100 kB) the database is as it was: a refused attempt writes nothing, the audit log
 * included, since it never reached a domain function. "2147483648" is malformed only where a
 * number is expected; in a free-text field it is text a form may save (a group of that name), so
 * those calls must only be answered, not refused. Signing out is audited whatever its arguments.
 */

const request = vi.hoisted(() => ({ sessionId: "", cookies: new Map<string, string>() }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (request.sessionId ? { user: {}, expires: "", sessionId: request.sessionId } : null),
  // Auth.js writes its cookie only inside a real request; the session rows are the app's own.
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "fuzz-request", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every module under lib/ and app/ whose first statement is "use server". */
function serverActionModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.test\.tsx?$/.test(entry.name) &&
        /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(readFileSync(full, "utf8"))
      ) {
        found.push(path.relative(ROOT, full));
      }
    }
  };
  walk(path.join(ROOT, "lib"));
  walk(path.join(ROOT, "app"));
  return found.sort();
}

type Action = { name: string; file: string; run: (...args: unknown[]) => Promise<unknown> };

async function loadActions(): Promise<Action[]> {
  const actions: Action[] = [];
  for (const file of serverActionModules()) {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports))
      if (typeof value === "function") actions.push({ name, file, run: value as Action["run"] });
  }
  return actions;
}

/** Actions that write whatever their arguments, by design, and what they may write. */
const WRITES_WITHOUT_INPUT: Record<string, { because: string; keys: string[] }> = {
  signOutAction: {
    because:
      "signing out is audited (SIGN_OUT); it takes no arguments. The event waits in AuditPending until the chainer links it (docs/decisions/003)",
    keys: ["audit:SIGN_OUT", "AuditEvent", "AuditPending", "AuditChain"],
  },
};

let pool: pg.Pool;
let fingerprintSql = "";

/** Rows of every table, the audit log's rows per action, and the sum of every `version` column. */
async function fingerprint(): Promise<Record<string, number>> {
  if (!fingerprintSql) {
    const { rows: tables } = await pool.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const { rows: versioned } = await pool.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'version'",
    );
    const parts = [
      ...tables.map(({ t }) => `'${t}', (SELECT count(*) FROM "${t}")`),
      ...versioned.map(({ t }) => `'version:${t}', (SELECT coalesce(sum(version), 0) FROM "${t}")`),
    ];
    // jsonb_build_object takes at most 100 arguments: one call per 40 pairs, merged.
    const calls: string[] = [];
    for (let i = 0; i < parts.length; i += 40) calls.push(`jsonb_build_object(${parts.slice(i, i + 40).join(", ")})`);
    fingerprintSql = `SELECT ${calls.join(" || ")} AS counts, (SELECT coalesce(json_object_agg('audit:' || action, n), '{}') FROM (SELECT action, count(*) AS n FROM "AuditEvent" GROUP BY action) a) AS audit`;
  }
  // Named, so PostgreSQL parses and plans its hundred subqueries once per connection, not per call.
  const { rows } = await pool.query<{ counts: Record<string, number>; audit: Record<string, number> }>({
    name: "fingerprint",
    text: fingerprintSql,
  });
  return Object.fromEntries(Object.entries({ ...rows[0]!.counts, ...rows[0]!.audit }).map(([k, v]) => [k, Number(v)]));
}

function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => (before[k] ?? 0) !== (after[k] ?? 0))
    .map((k) => `${k} ${before[k] ?? 0}→${after[k] ?? 0}`);
}

const KEYS = allSchemaKeys();
function formWith(value: string): FormData {
  const data = new FormData();
  for (const key of KEYS) data.append(key, value);
  return data;
}

type Call = { label: string; args: unknown[]; malformed: boolean };

/** The calls made of every action: a label for the failure message, the arguments, and whether they must be refused. */
function hostileCalls(): Call[] {
  const calls: Call[] = [];
  const notForms: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["a string", "x"],
    ["a number", 42],
    ["an object", {}],
    ["an array", []],
  ];
  for (const [label, bad] of notForms) {
    calls.push({ label: `(${label})`, args: [bad], malformed: true });
    calls.push({ label: `(state, ${label})`, args: [{ status: "idle" }, bad], malformed: true });
  }
  const some = formWith("x");
  calls.push({ label: "(a form as the first argument)", args: [some], malformed: true });
  calls.push({ label: "(a form as the third argument)", args: [undefined, undefined, some], malformed: true });
  for (const [label, value, malformed] of [
    ["a NUL in every field", "abc\u0000def", true],
    ["a NUL alone in every field", "\u0000", true],
    ["a vertical tab in every field", "abc\u000bdef", true],
    ["100 kB in every field", "å".repeat(100_000), true],
    ["2147483648 in every field", "2147483648", false],
    ["99999999999999999999 in every field", "99999999999999999999", false],
  ] as const) {
    const data = formWith(value);
    calls.push({ label: `(state, form with ${label})`, args: [{ status: "idle" }, data], malformed });
    calls.push({ label: `(form with ${label})`, args: [data], malformed });
  }
  return calls;
}

/** Next.js's redirect() and notFound() are control flow, not failures. */
function isControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT;") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
  );
}

/** An answer that is the generic "something went wrong" of any of the action kinds. */
function isUnexpectedAnswer(result: unknown): boolean {
  if (!result || typeof result !== "object") return false;
  const r = result as { formError?: unknown; error?: unknown };
  return r.formError === "unexpected" || r.error === "unexpected" || r.error === "unavailable";
}

let actions: Action[];
let w: World;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  actions = await loadActions();
});
beforeEach(async () => {
  w = await makeWorld();
  request.cookies.clear();
});

describe("every server action answers hostile arguments, and changes nothing", () => {
  it("finds the server actions and the field names", () => {
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "signInAction",
        "createPersonAction",
        "revealIdentityNumberAction",
        "setLocaleAction",
        "finishEnrolmentAction",
      ]),
    );
    expect(KEYS).toEqual(expect.arrayContaining(["version", "personId", "q", "confirmPassword", "next"]));
  });

  it.each(ROLES)(
    "signed in as %s",
    async (role) => {
      request.sessionId = await db.$transaction((tx) => startSession(tx, w.users[role].id));
      const problems: string[] = [];
      const calls = hostileCalls();
      let before = await fingerprint();
      for (const action of actions) {
        for (const call of calls) {
          const what = `${action.file}#${action.name}${call.label} as ${role}`;
          let result: unknown;
          try {
            result = await action.run(...call.args);
          } catch (error) {
            if (!isControlFlow(error))
              problems.push(
                `${what} threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`,
              );
          }
          if (isUnexpectedAnswer(result)) problems.push(`${what} answered ${JSON.stringify(result).slice(0, 200)}`);
          const after = await fingerprint();
          const allowed = WRITES_WITHOUT_INPUT[action.name]?.keys ?? [];
          const writes = changed(before, after).filter((c) => !allowed.includes(c.split(" ")[0]!));
          if (call.malformed && writes.length > 0) problems.push(`${what} changed the database: ${writes.join(", ")}`);
          before = after;
        }
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
