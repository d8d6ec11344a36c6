import { beforeEach, describe, expect, it, vi } from "vitest";
import { revealIdentityNumberAction } from "@/lib/people/actions";
import { finishEnrolmentAction, setLocaleAction } from "@/lib/auth/actions";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { assignAll, makeWorld, type World } from "./fixtures";

/*
 * Inputs of the server actions that take no form of their own (the reveal button, the language
 * switch, "I have saved the codes"), parsed with zod like every form: whatever a client sends
 * instead is answered, never a 500, and changes nothing.
 */

const request = vi.hoisted(() => ({ sessionId: "", cookies: new Map<string, string>() }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (request.sessionId ? { user: {}, expires: "", sessionId: request.sessionId } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "test-request-1" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));

/** Where a server action's redirect() would send the browser. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2]!;
}

const form = (values: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  request.cookies.clear();
  request.sessionId = await db.$transaction((tx) => startSession(tx, w.users.SOCIAL.id));
});

describe("the personnummer reveal", () => {
  it("answers 'not found' to anything but a person id, and logs nothing", async () => {
    await assignAll(w);
    for (const bad of [
      "",
      "not-a-uuid",
      `${w.person.id}x`,
      "x".repeat(100_000),
      42,
      null,
      undefined,
      [w.person.id],
      { personId: w.person.id },
    ]) {
      expect(await revealIdentityNumberAction(bad as unknown as string), JSON.stringify(bad)?.slice(0, 40)).toEqual({
        ok: false,
        error: "notFound",
      });
    }
    expect(await revealIdentityNumberAction("0193a1b2-0000-7000-8000-000000000001")).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toBe(0);
  });

  it("still reveals the number for a person id, and logs it", async () => {
    await assignAll(w);
    const result = await revealIdentityNumberAction(w.person.id);
    expect(result).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER", personId: w.person.id } })).toBe(1);
  });
});

describe("the language switch", () => {
  it("sets the cookie for a language the app has", async () => {
    await setLocaleAction(form({ locale: "en" }));
    expect(request.cookies.get("NEXT_LOCALE")).toBe("en");
  });

  it("changes nothing for any other value, without an error", async () => {
    for (const bad of [
      form({ locale: "de" }),
      form({ locale: "" }),
      form({ locale: "sv ".repeat(5000) }),
      form({}),
      form({ locale: new Blob(["sv"]) }),
    ]) {
      await expect(setLocaleAction(bad)).resolves.toBeUndefined();
    }
    expect(request.cookies.has("NEXT_LOCALE")).toBe(false);
  });
});

describe("leaving enrolment", () => {
  it("goes where the user was going", async () => {
    expect(await redirectOf(() => finishEnrolmentAction(form({ next: "/people?q=a" })))).toBe("/people?q=a");
  });

  it("goes to the start page for anything that is not a path on this site", async () => {
    for (const next of ["https://evil.test/", "//evil.test", "/\\evil.test", "/login/verify", "x".repeat(3000), ""]) {
      expect(await redirectOf(() => finishEnrolmentAction(form({ next }))), next.slice(0, 30)).toBe("/");
    }
    expect(await redirectOf(() => finishEnrolmentAction(form({})))).toBe("/");
    expect(await redirectOf(() => finishEnrolmentAction(form({ next: new Blob(["/people"]) })))).toBe("/");
  });
});
