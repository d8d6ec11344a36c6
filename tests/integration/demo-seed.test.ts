import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseIdentityNumber } from "@/lib/validation/personnummer";
import { setSystemSetting } from "@/prisma/factories";
import { runSeed } from "../../prisma/seed";
import { DEMO_USERS } from "../../prisma/seed/demo";
import { testDatabaseUrl } from "./database";

describe("the demo seed", () => {
  it("loads synthetic data once: valid generated personnummer, one user per role, the Demodata flag", async () => {
    expect(await runSeed(testDatabaseUrl())).toBe("seeded");
    const malmo = await db.site.findUniqueOrThrow({ where: { code: "malmo" } });
    const roles = await db.user.groupBy({ by: ["role"], where: { siteId: malmo.id }, _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({
      POLICE: 2,
      SOCIAL: 2,
      PROBATION: 2,
      MANAGER: 1,
      ADMIN: 1,
      NATIONAL: 1,
    });
    expect(DEMO_USERS.map((u) => u.email).every((e) => e.endsWith(".samverkan.test"))).toBe(true);

    const people = await db.person.findMany({ select: { identityNumber: true, birthDate: true } });
    expect(people.length).toBeGreaterThan(100);
    for (const p of people) {
      const parsed = parseIdentityNumber(p.identityNumber!);
      expect(parsed, p.identityNumber!).not.toBeNull();
      expect(parsed!.birthDate).toBe(p.birthDate!.toISOString().slice(0, 10));
    }
    expect(await db.systemSetting.findUnique({ where: { key: "demoData" } })).toMatchObject({ value: "true" });

    // A second run leaves the data alone.
    const before = await db.person.count();
    expect(await runSeed(testDatabaseUrl())).toBe("skipped");
    expect(await db.person.count()).toBe(before);
  }, 60_000);

  it("refuses a database marked as production", async () => {
    await setSystemSetting(db, "environment", "production");
    await expect(runSeed(testDatabaseUrl())).rejects.toThrow(/production/);
    // The first-start seed of `npm start` skips it quietly instead.
    expect(await runSeed(testDatabaseUrl(), true)).toBe("skipped");
    expect(await db.user.count()).toBe(0);
  });
});
