import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { resetSecondFactor, setUserActive } from "@/lib/users/mutations";
import { getUserForAdmin, listUsers } from "@/lib/users/queries";
import { makeWorld, ROLES, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const input = (userId: string, version = 1) => ({ userId, version, confirm: "on" as const });
const user = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("user administration (ADMIN)", () => {
  it("lists the site's accounts with their second-factor state, never a secret, and audits the read", async () => {
    await db.user.update({
      where: { id: w.users.POLICE.id },
      data: { totpSecret: "sealed", totpEnabledAt: new Date(), recoveryCodeHashes: ["a$b"] },
    });
    const page = await listUsers({ actor: w.actors.ADMIN, page: 1 });
    // One account per role (tests/integration/fixtures.ts#ROLES).
    expect(page.total).toBe(6);
    const police = page.items.find((u) => u.id === w.users.POLICE.id)!;
    expect(police.hasSecondFactor).toBe(true);
    expect(Object.keys(police).sort()).toEqual([
      "agency",
      "email",
      "federatedSubject",
      "hasSecondFactor",
      "id",
      "isActive",
      "lastSignInAt",
      "name",
      "role",
    ]);
    expect(JSON.stringify(page)).not.toMatch(/sealed|a\$b|argon2/);
    expect(
      await db.auditEvent.count({ where: { action: "READ", entityType: "User", actorId: w.users.ADMIN.id } }),
    ).toBe(1);
  });

  it("deactivates and reactivates an account, versioned and audited", async () => {
    await setUserActive({ actor: w.actors.ADMIN, input: input(w.users.SOCIAL.id), active: false });
    expect(await user(w.users.SOCIAL.id)).toMatchObject({ isActive: false, version: 2 });
    await setUserActive({ actor: w.actors.ADMIN, input: input(w.users.SOCIAL.id, 2), active: true });
    expect(await user(w.users.SOCIAL.id)).toMatchObject({ isActive: true, version: 3 });
    const audit = await db.auditEvent.findMany({
      where: { action: "UPDATE", entityType: "User" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.entityId, (a.metadata as { change: string }).change])).toEqual([
      [w.users.ADMIN.id, w.users.SOCIAL.id, "deactivated"],
      [w.users.ADMIN.id, w.users.SOCIAL.id, "reactivated"],
    ]);
  });

  it("resets a second factor: secret, codes and replay marker gone, logged as a security event", async () => {
    await db.user.update({
      where: { id: w.users.PROBATION.id },
      data: { totpSecret: "sealed", totpEnabledAt: new Date(), totpLastUsedStep: 5, recoveryCodeHashes: ["a$b"] },
    });
    await resetSecondFactor({ actor: w.actors.ADMIN, input: input(w.users.PROBATION.id) });
    expect(await user(w.users.PROBATION.id)).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastUsedStep: null,
      recoveryCodeHashes: [],
      version: 2,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "SECURITY" } })).toMatchObject({
      actorId: w.users.ADMIN.id,
      entityId: w.users.PROBATION.id,
      metadata: { event: "secondFactorReset" },
    });
  });

  it("refuses a stale version (another administrator acted first) and changes nothing", async () => {
    await setUserActive({ actor: w.actors.ADMIN, input: input(w.users.POLICE.id), active: false });
    await expect(
      resetSecondFactor({ actor: w.actors.ADMIN, input: input(w.users.POLICE.id, 1) }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      setUserActive({ actor: w.actors.ADMIN, input: input(w.users.POLICE.id, 1), active: true }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await user(w.users.POLICE.id)).toMatchObject({ isActive: false, version: 2 });
    expect(await db.auditEvent.count({ where: { entityType: "User", action: { in: ["UPDATE", "SECURITY"] } } })).toBe(
      1,
    );
  });

  it("refuses the administrator's own account, other roles, other sites and unknown ids", async () => {
    await expect(
      setUserActive({ actor: w.actors.ADMIN, input: input(w.users.ADMIN.id), active: false }),
    ).rejects.toEqual(new RuleError("ownAccount"));
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      await expect(
        setUserActive({ actor: w.actors[role], input: input(w.users.SOCIAL.id), active: false }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(getUserForAdmin({ actor: w.actors[role], userId: w.users.SOCIAL.id }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(listUsers({ actor: w.actors[role], page: 1 }), role).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      setUserActive({ actor: w.actors.ADMIN, input: input(w.otherActor.id), active: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUserForAdmin({ actor: w.actors.ADMIN, userId: w.otherActor.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getUserForAdmin({ actor: w.actors.ADMIN, userId: "../../etc" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { isActive: false } })).toBe(0);
  });

  it("shows one account with what its page needs", async () => {
    const view = await getUserForAdmin({ actor: w.actors.ADMIN, userId: w.users.MANAGER.id });
    expect(view).toEqual({
      id: w.users.MANAGER.id,
      name: w.users.MANAGER.name,
      email: w.users.MANAGER.email,
      role: "MANAGER",
      agency: null,
      federatedSubject: null,
      isActive: true,
      lastSignInAt: null,
      hasSecondFactor: false,
      recoveryCodesLeft: 0,
      version: 1,
      isSelf: false,
    });
    expect((await getUserForAdmin({ actor: w.actors.ADMIN, userId: w.users.ADMIN.id })).isSelf).toBe(true);
  });
});
