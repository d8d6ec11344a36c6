import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { endGroupRelation, recordGroupRelation } from "@/lib/group-relations/mutations";
import { getGroupMap, getGroupRelations } from "@/lib/group-relations/queries";
import { ZEndGroupRelation, ZRecordGroupRelation } from "@/lib/group-relations/schemas";
import { stockholmToday } from "@/lib/validation/dates";
import { createGroup, createGroupRelation } from "@/prisma/factories";
import { form, makeWorld, type World } from "./fixtures";

let w: World;
type Actor = World["actors"]["POLICE"];
let hamn: { id: string };
let station: { id: string };
let parken: { id: string };

beforeEach(async () => {
  w = await makeWorld();
  const by = w.users.POLICE.id;
  hamn = await createGroup(db, { siteId: w.site.id, createdById: by, name: "Hamnligan", isPrioritized: true });
  station = await createGroup(db, { siteId: w.site.id, createdById: by, name: "Stationsgänget" });
  parken = await createGroup(db, { siteId: w.site.id, createdById: by, name: "Parkgänget" });
});

const record = (actor: Actor, fields: Record<string, string>) =>
  handleForm(form(fields), ZRecordGroupRelation, (input) => recordGroupRelation({ actor, input }));
const end = (actor: Actor, fields: Record<string, string | number>) =>
  handleForm(form(fields), ZEndGroupRelation, (input) => endGroupRelation({ actor, input }));

describe("conflicts and alliances between groups (the group audit)", () => {
  it("records a conflict with the actor's agency as source, audited in the same transaction, shown on both groups' pages", async () => {
    expect(
      await record(w.actors.SOCIAL, {
        groupId: hamn.id,
        otherGroupId: station.id,
        kind: "RIVALRY",
        validFrom: "2026-02-01",
      }),
    ).toEqual({ status: "success" });
    const relation = await db.groupRelation.findFirstOrThrow();
    expect(relation).toMatchObject({
      siteId: w.site.id,
      groupAId: hamn.id,
      groupBId: station.id,
      kind: "RIVALRY",
      sourceAgency: "SOCIAL",
      validTo: null,
      createdById: w.users.SOCIAL.id,
      version: 1,
    });
    expect(relation.validFrom.toISOString().slice(0, 10)).toBe("2026-02-01");
    expect(
      await db.auditEvent.findMany({
        where: { entityType: "GroupRelation" },
        select: { action: true, actorId: true, entityId: true, personId: true },
      }),
    ).toEqual([{ action: "CREATE", actorId: w.users.SOCIAL.id, entityId: relation.id, personId: null }]);

    for (const [groupId, other] of [
      [hamn.id, station.id],
      [station.id, hamn.id],
    ] as const) {
      const page = await getGroupRelations({ actor: w.actors.PROBATION, groupId });
      expect(page.current.map((r) => [r.other.id, r.kind, r.sourceAgency])).toEqual([[other, "RIVALRY", "SOCIAL"]]);
      expect(page.ended).toEqual([]);
      expect(page.otherGroups.map((g) => g.id)).not.toContain(groupId);
    }
  });

  it("answers with Swedish field errors: no other group, the same group, a future date, one already in force", async () => {
    expect(
      await record(w.actors.POLICE, { groupId: hamn.id, otherGroupId: "", kind: "ALLIANCE", validFrom: "2026-01-01" }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { otherGroupId: "chooseOtherGroup" },
      values: { kind: "ALLIANCE", validFrom: "2026-01-01" },
    });
    expect(
      await record(w.actors.POLICE, {
        groupId: hamn.id,
        otherGroupId: hamn.id,
        kind: "ALLIANCE",
        validFrom: "2026-01-01",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { otherGroupId: "sameGroup" } });
    expect(
      await record(w.actors.POLICE, {
        groupId: hamn.id,
        otherGroupId: station.id,
        kind: "ALLIANCE",
        validFrom: "2999-01-01",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { validFrom: "futureDate" } });
    expect(
      await record(w.actors.POLICE, {
        groupId: hamn.id,
        otherGroupId: station.id,
        kind: "FRIENDS",
        validFrom: "2026-01-01",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { kind: expect.any(String) } });
    await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: station.id,
      groupBId: hamn.id,
      createdById: w.users.POLICE.id,
    });
    // Recorded the other way round, it is the same pair.
    expect(
      await record(w.actors.POLICE, {
        groupId: hamn.id,
        otherGroupId: station.id,
        kind: "ALLIANCE",
        validFrom: "2026-01-01",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { otherGroupId: "relationExists" } });
    expect(await db.groupRelation.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "GroupRelation" } })).toBe(0);
  });

  it("ends a relation on a date with optimistic locking; the ended one stays as history and leaves the map", async () => {
    const r = await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: hamn.id,
      groupBId: station.id,
      kind: "ALLIANCE",
      validFrom: new Date("2025-06-01T00:00:00Z"),
      createdById: w.users.POLICE.id,
    });
    expect(
      await end(w.actors.PROBATION, { relationId: r.id, version: 1, groupId: station.id, validTo: "2025-05-01" }),
    ).toMatchObject({ status: "error", fieldErrors: { validTo: "endBeforeStart" } });
    const today = stockholmToday();
    expect(
      await end(w.actors.PROBATION, { relationId: r.id, version: 1, groupId: station.id, validTo: today }),
    ).toEqual({
      status: "success",
    });
    // A second "end" from a page opened before: the conflict is explained, nothing changes.
    expect(
      await end(w.actors.POLICE, { relationId: r.id, version: 1, groupId: hamn.id, validTo: today }),
    ).toMatchObject({
      status: "error",
      formError: "conflict",
    });
    expect(
      await end(w.actors.POLICE, { relationId: r.id, version: 2, groupId: hamn.id, validTo: today }),
    ).toMatchObject({
      status: "error",
      formError: "relationEnded",
    });
    const after = await db.groupRelation.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.version).toBe(2);
    expect(after.validTo?.toISOString().slice(0, 10)).toBe(today);
    expect(
      await db.auditEvent.findMany({ where: { entityType: "GroupRelation" }, select: { action: true, actorId: true } }),
    ).toEqual([{ action: "UPDATE", actorId: w.users.PROBATION.id }]);
    const page = await getGroupRelations({ actor: w.actors.POLICE, groupId: hamn.id });
    expect(page.current).toEqual([]);
    expect(page.ended.map((e) => e.id)).toEqual([r.id]);
    expect((await getGroupMap({ actor: w.actors.POLICE })).relations).toEqual([]);
    // A relation is ended from one of its own groups' pages only.
    const other = await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: hamn.id,
      groupBId: parken.id,
      createdById: w.users.POLICE.id,
    });
    await expect(
      endGroupRelation({
        actor: w.actors.POLICE,
        input: ZEndGroupRelation.parse({ relationId: other.id, version: "1", groupId: station.id, validTo: today }),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("draws the map: every group of the site placed by name, prioritised marked, relations in force as edges A–Z", async () => {
    await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: station.id,
      groupBId: hamn.id,
      kind: "RIVALRY",
      createdById: w.users.POLICE.id,
    });
    await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: parken.id,
      groupBId: hamn.id,
      kind: "ALLIANCE",
      createdById: w.users.POLICE.id,
    });
    await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: parken.id,
      groupBId: station.id,
      validTo: new Date("2020-01-01T00:00:00Z"),
      createdById: w.users.POLICE.id,
    });
    const elsewhere = await createGroup(db, {
      siteId: w.otherSite.id,
      createdById: w.otherActor.id,
      name: "Annan ort",
    });
    const elsewhereToo = await createGroup(db, {
      siteId: w.otherSite.id,
      createdById: w.otherActor.id,
      name: "Bortagänget",
    });
    await createGroupRelation(db, {
      siteId: w.otherSite.id,
      groupAId: elsewhere.id,
      groupBId: elsewhereToo.id,
      createdById: w.otherActor.id,
    });
    const map = await getGroupMap({ actor: w.actors.SOCIAL });
    expect(map.nodes.map((n) => [n.name, n.isPrioritized])).toEqual([
      ["Hamnligan", true],
      ["Parkgänget", false],
      ["Stationsgänget", false],
    ]);
    expect(map.relations.map((r) => [r.a.name, r.b.name, r.kind])).toEqual([
      ["Hamnligan", "Parkgänget", "ALLIANCE"],
      ["Hamnligan", "Stationsgänget", "RIVALRY"],
    ]);
    expect(await getGroupMap({ actor: w.actors.SOCIAL })).toEqual(map);
    expect((await getGroupMap({ actor: w.otherActor })).nodes.map((n) => n.name)).toEqual(["Annan ort", "Bortagänget"]);
  });

  it("is the three agencies' on their own site only: managers, administrators and another site are refused", async () => {
    const r = await createGroupRelation(db, {
      siteId: w.site.id,
      groupAId: hamn.id,
      groupBId: station.id,
      createdById: w.users.POLICE.id,
    });
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      await expect(getGroupRelations({ actor, groupId: hamn.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        recordGroupRelation({
          actor,
          input: ZRecordGroupRelation.parse({
            groupId: hamn.id,
            otherGroupId: parken.id,
            kind: "ALLIANCE",
            validFrom: "2026-01-01",
          }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        endGroupRelation({
          actor,
          input: ZEndGroupRelation.parse({
            relationId: r.id,
            version: "1",
            groupId: hamn.id,
            validTo: stockholmToday(),
          }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getGroupMap({ actor: w.actors.MANAGER })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getGroupMap({ actor: w.otherActor })).relations).toEqual([]);
    // Another site's user cannot link a group of theirs to one of ours either.
    const theirs = await createGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id, name: "Deras" });
    expect(
      await record(w.actors.POLICE, {
        groupId: hamn.id,
        otherGroupId: theirs.id,
        kind: "RIVALRY",
        validFrom: "2026-01-01",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { otherGroupId: "unknownGroup" } });
    expect(await db.groupRelation.count()).toBe(1);
    expect((await db.groupRelation.findUniqueOrThrow({ where: { id: r.id } })).version).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "GroupRelation" } })).toBe(0);
  });
});
