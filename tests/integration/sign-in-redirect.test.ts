import { beforeEach, describe, expect, it, vi } from "vitest";
import { finishEnrolmentAction, signInAction, verifyCodeAction } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { createSite, createUser, TEST_PASSWORD } from "@/prisma/factories";
import { currentCode, enrolTotp, form } from "./fixtures";

/*
 * `next` through the real sign-in actions: the password step seals it into the ticket, the code
 * step redirects to it once the session is open. Auth.js's own cookie writing is replaced (it
 * needs a real request); the session row, the ticket and the redirect are the app's own.
 */

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), signedIn: 0 }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => null,
  signIn: async () => void request.signedIn++,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "test-request-1", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));

/** Where a server action's redirect() would send the browser (the URL in Next's digest). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest, String(error)).toMatch(/^NEXT_REDIRECT;/);
  // NEXT_REDIRECT;<type>;<url>;<status>;  — the URL itself may hold ";".
  return digest.split(";").slice(2, -2).join(";");
}

let user: { id: string; email: string };
let secret: string;
beforeEach(async () => {
  request.cookies.clear();
  request.signedIn = 0;
  const site = await createSite(db);
  user = await createUser(db, { siteId: site.id, role: "POLICE" });
  secret = await enrolTotp(user.id);
});

/** Both steps, as the browser posts them; returns where the last one redirects. */
async function signInWith(next: string): Promise<string> {
  expect(await redirectOf(() => signInAction({}, form({ email: user.email, password: TEST_PASSWORD, next })))).toBe(
    "/login/verify",
  );
  return redirectOf(async () => verifyCodeAction({}, form({ code: await currentCode(secret) })));
}

describe("where a sign-in lands", () => {
  it("goes to the path on this site the user was going to", async () => {
    expect(await signInWith("/people?q=a")).toBe("/people?q=a");
    expect(request.signedIn).toBe(1);
  });

  it.each([
    ["a tab that the browser strips into //evil.test", "/\t/evil.test/phish"],
    ["CR LF (a broken Location header: a 500 after the session was opened)", "/people\r\nSet-Cookie: x=1"],
    ["a vertical tab", "/people\u000b"],
    ["U+0085", "/people\u0085"],
    ["a backslash", "/\\evil.test"],
    ["a slash encoded once more", "/%2F/evil.test"],
    ["another site", "https://evil.test/"],
    ["javascript:", "javascript:alert(1)"],
    ["something very long", `/people?q=${"a".repeat(5000)}`],
  ])("signs in and goes to the start page for %s", async (_label, next) => {
    expect(await signInWith(next)).toBe("/");
    expect(request.signedIn).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("leaves enrolment for the start page for the same values", async () => {
    for (const next of ["/\t/evil.test", "/people\r\n", "/people\u000b", "/%2F/evil.test"]) {
      expect(await redirectOf(() => finishEnrolmentAction(form({ next }))), JSON.stringify(next)).toBe("/");
    }
  });
});
