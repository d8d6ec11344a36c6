import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth";
import { db } from "@/lib/db";
import { TEST_PASSWORD } from "../factories";
import { makeWorld, type World } from "./world";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

describe("signing in", () => {
  it("accepts the right password, records the sign-in, and returns the actor", async () => {
    const actor = await authenticate({ email: w.users.SOCIAL.email.toUpperCase(), password: TEST_PASSWORD });
    expect(actor).toEqual({ id: w.users.SOCIAL.id, siteId: w.site.id, role: "SOCIAL", agency: "SOCIAL", name: w.users.SOCIAL.name });
    const audit = await db.auditEvent.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "SIGN_IN", actorId: w.users.SOCIAL.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.SOCIAL.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown account and a deactivated account alike, and records each", async () => {
    await db.user.update({ where: { id: w.users.PROBATION.id }, data: { isActive: false } });
    const attempts = [
      { email: w.users.POLICE.email, password: "wrong password" },
      { email: "nobody@test.invalid", password: TEST_PASSWORD },
      { email: w.users.PROBATION.email, password: TEST_PASSWORD },
      { email: 42, password: null },
    ];
    for (const attempt of attempts) expect(await authenticate(attempt)).toBeNull();
    const failures = await db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => (f.metadata as { reason: string }).reason)).toEqual(["wrongPassword", "unknownAccount", "inactive"]);
    expect(await db.auditEvent.count({ where: { action: "SIGN_IN" } })).toBe(0);
  });
});
