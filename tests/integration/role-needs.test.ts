import { beforeEach, describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { saveRoleNeeds } from "@/lib/role-needs/mutations";
import { roleNeedsOverview } from "@/lib/role-needs/queries";
import { ZSaveRoleNeeds } from "@/lib/role-needs/schemas";
import { createRoleNeedsNote } from "@/prisma/factories";
import { makeWorld, ROLES, type World } from "./fixtures";

/*
 * The needs-and-risk note per role (behovs- och riskanalys, issue 14): versioned per site and
 * role, each version kept with who wrote it and when, audited; shown beside the role's
 * permissions as the permission map states them.
 */

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

describe("the needs-and-risk note per role", () => {
  it("saves each edit as a new version, keeps the history with writer and time, and audits it", async () => {
    expect(
      await saveRoleNeeds({ actor: w.actors.ADMIN, input: { role: "POLICE", text: "Första.", replaces: 0 } }),
    ).toEqual({
      version: 1,
    });
    expect(
      await saveRoleNeeds({ actor: w.actors.ADMIN, input: { role: "POLICE", text: "Andra.", replaces: 1 } }),
    ).toEqual({
      version: 2,
    });
    const police = (await roleNeedsOverview({ actor: w.actors.ADMIN })).find((r) => r.role === "POLICE")!;
    expect(police.current).toMatchObject({ version: 2, text: "Andra.", writtenBy: w.users.ADMIN.name });
    expect(police.history).toMatchObject([{ version: 1, text: "Första.", writtenBy: w.users.ADMIN.name }]);
    const events = await db.auditEvent.findMany({
      where: { actorId: w.users.ADMIN.id, entityType: "RoleNeedsNote" },
      select: { action: true, metadata: true },
      orderBy: { id: "asc" },
    });
    expect(events).toEqual([
      { action: "CREATE", metadata: { role: "POLICE", version: 1 } },
      { action: "CREATE", metadata: { role: "POLICE", version: 2 } },
      { action: "READ", metadata: null },
    ]);
  });

  it("refuses a save over a version written meanwhile, and keeps roles and sites apart", async () => {
    await createRoleNeedsNote(db, { siteId: w.site.id, role: "SOCIAL", text: "Socialtjänstens behov." });
    await createRoleNeedsNote(db, { siteId: w.otherSite.id, role: "POLICE", text: "Örebros polis." });
    await expect(
      saveRoleNeeds({ actor: w.actors.ADMIN, input: { role: "SOCIAL", text: "Ovanpå.", replaces: 0 } }),
    ).rejects.toBeInstanceOf(ConflictError);
    // Another site's note is not this site's version 1.
    expect(
      await saveRoleNeeds({ actor: w.actors.ADMIN, input: { role: "POLICE", text: "Malmö.", replaces: 0 } }),
    ).toEqual({
      version: 1,
    });
    const overview = await roleNeedsOverview({ actor: w.actors.ADMIN });
    expect(overview.find((r) => r.role === "SOCIAL")!.current?.text).toBe("Socialtjänstens behov.");
    expect(JSON.stringify(overview)).not.toContain("Örebros polis.");
    expect(overview.find((r) => r.role === "MANAGER")!.current).toBeNull();
  });

  it("shows each role's permissions as the permission map states them", async () => {
    const overview = await roleNeedsOverview({ actor: w.actors.ADMIN });
    expect(overview.map((r) => r.role)).toEqual(ROLES);
    for (const view of overview) {
      const fromMap = Object.fromEntries(
        view.grants.map((g) => [g.resource, Object.fromEntries(g.actions.map((a) => [a.action, a.scope]))]),
      );
      expect(fromMap, view.role).toEqual(PERMISSIONS[view.role]);
    }
    const manager = overview.find((r) => r.role === "MANAGER")!;
    expect(manager.grants.find((g) => g.resource === "accessReview")?.actions.map((a) => a.action)).toEqual([
      "list",
      "read",
      "create",
    ]);
  });

  it("is the administrators' only", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(roleNeedsOverview({ actor: w.actors[role] }), role).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        saveRoleNeeds({ actor: w.actors[role], input: { role, text: "Mitt behov.", replaces: 0 } }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.roleNeedsNote.count()).toBe(0);
  });

  it("requires a text and a known role", () => {
    const parse = (v: Record<string, string>) => ZSaveRoleNeeds.safeParse(v);
    expect(parse({ role: "POLICE", text: "  ", replaces: "0" }).error?.issues[0]?.message).toBe("required");
    expect(parse({ role: "HACKER", text: "x", replaces: "0" }).success).toBe(false);
    expect(parse({ role: "POLICE", text: "x", replaces: "-1" }).success).toBe(false);
    expect(parse({ role: "POLICE", text: "x", replaces: "3" }).data).toEqual({
      role: "POLICE",
      text: "x",
      replaces: 3,
    });
  });
});
