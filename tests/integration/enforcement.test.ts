import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { recordEnforcementAction } from "@/lib/enforcement/mutations";
import { findEnforcementActions, getEnforcementFormOptions } from "@/lib/enforcement/queries";
import { ZFindEnforcement, ZRecordEnforcement } from "@/lib/enforcement/schemas";
import { createGroup, createMembership } from "@/prisma/factories";
import { activityCounts, assignAll, makeWorld, submitWith, typedDateTime, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts) is passed by the caseload.
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
});

const record = (actor = () => w.actors.POLICE) =>
  submitWith(ZRecordEnforcement, (input) => recordEnforcementAction({ actor: actor(), input }));

describe("recording an enforcement action", () => {
  it("records an arrest and marks the person deprived of liberty in the same transaction, each audited", async () => {
    const state = await record()({
      personId: w.person.id,
      type: "ARREST",
      occurredAt: "2026-03-01T06:00",
      description: "Gripen i bostaden.",
      setDeprivedOfLiberty: "on",
    });
    expect(state).toEqual({ status: "success" });
    const action = await db.enforcementAction.findFirstOrThrow();
    expect(action).toMatchObject({
      personId: w.person.id,
      groupId: null,
      type: "ARREST",
      description: "Gripen i bostaden.",
      createdById: w.users.POLICE.id,
    });
    const person = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({ status: "DEPRIVED_OF_LIBERTY", version: 2 });
    expect(person.statusSince.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    const audits = await db.auditEvent.findMany({
      where: { action: { in: ["CREATE", "UPDATE"] } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => `${a.action} ${a.entityType}`)).toEqual(["UPDATE Person", "CREATE EnforcementAction"]);
    expect(audits[0]!.metadata).toMatchObject({
      fromStatus: "ACTIVE",
      toStatus: "DEPRIVED_OF_LIBERTY",
      causeId: action.id,
    });
    expect(JSON.stringify(audits.map((a) => a.metadata))).not.toContain("Gripen");
  });

  it("leaves the status alone unless asked, and records an action against a group", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    expect(await record()({ personId: w.person.id, type: "DETENTION", occurredAt: "2026-03-01T06:00" })).toEqual({
      status: "success",
    });
    expect(await record()({ groupId: group.id, type: "SEARCH", occurredAt: "2026-03-02T06:00" })).toEqual({
      status: "success",
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).status).toBe("ACTIVE");
    expect(await db.enforcementAction.count({ where: { groupId: group.id, personId: null } })).toBe(1);
  });

  it.each([
    ["neither person nor group", { personId: "" }, { groupId: "personOrGroupRequired" }],
    ["a date in the future", { occurredAt: typedDateTime(1) }, { occurredAt: "futureDate" }],
    ["an unknown type", { type: "FINE" }, { type: "required" }],
    [
      "deprivation after a weapon seizure",
      { type: "WEAPON_SEIZURE", setDeprivedOfLiberty: "on" },
      { setDeprivedOfLiberty: "typeDoesNotDeprive" },
    ],
    [
      "deprivation without a person",
      { personId: "", groupId: UNKNOWN_ID, setDeprivedOfLiberty: "on" },
      { setDeprivedOfLiberty: "deprivationNeedsPerson" },
    ],
    ["an oversized description", { description: "x".repeat(2001) }, { description: "tooLong" }],
    ["a malformed group id", { groupId: "'; --" }, { groupId: "invalid" }],
  ])("refuses %s and changes nothing", async (_label, change, fieldErrors) => {
    const before = await activityCounts();
    const state = await record()({
      personId: w.person.id,
      type: "ARREST",
      occurredAt: "2026-03-01T06:00",
      description: "Behåll",
      ...change,
    });
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    expect(await activityCounts()).toEqual(before);
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).status).toBe("ACTIVE");
  });

  it("names every problem in one round: a missing kind of action and a missing target", async () => {
    const state = await record()({ type: "", occurredAt: "2026-03-01T06:00", setDeprivedOfLiberty: "on" });
    expect(state).toMatchObject({
      fieldErrors: {
        type: "required",
        groupId: "personOrGroupRequired",
        setDeprivedOfLiberty: "deprivationNeedsPerson",
      },
    });
  });

  it("refuses unknown and foreign people and groups, and a deceased person's deprivation", async () => {
    const foreignGroup = await createGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    await db.person.update({ where: { id: w.secondPerson.id }, data: { status: "DECEASED" } });
    const before = await activityCounts();
    for (const personId of [UNKNOWN_ID, w.otherPerson.id])
      expect(await record()({ personId, type: "ARREST", occurredAt: "2026-03-01T06:00" })).toMatchObject({
        formError: "notFound",
      });
    for (const groupId of [UNKNOWN_ID, foreignGroup.id])
      expect(await record()({ groupId, type: "SEARCH", occurredAt: "2026-03-01T06:00" })).toMatchObject({
        fieldErrors: { groupId: "unknownGroup" },
      });
    expect(
      await record()({
        personId: w.secondPerson.id,
        type: "ARREST",
        occurredAt: "2026-03-01T06:00",
        setDeprivedOfLiberty: "on",
      }),
    ).toMatchObject({
      fieldErrors: { setDeprivedOfLiberty: "personDeceased" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("is the police's alone: everyone else is refused and the person is untouched", async () => {
    const input = ZRecordEnforcement.parse({
      personId: w.person.id,
      type: "ARREST",
      occurredAt: "2026-03-01T06:00",
      setDeprivedOfLiberty: "on",
    });
    for (const role of ["SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(recordEnforcementAction({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        findEnforcementActions({ actor: w.actors[role], query: ZFindEnforcement.parse({}) }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(getEnforcementFormOptions({ actor: w.actors[role], personId: w.person.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await db.enforcementAction.count()).toBe(0);
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).status).toBe("ACTIVE");
  });
});

describe("the enforcement list", () => {
  it("lists newest first and filters by type, group and the person's name; audited", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Hamnligan" });
    await record()({ personId: w.person.id, type: "ARREST", occurredAt: "2026-03-01T06:00" });
    await record()({
      personId: w.secondPerson.id,
      groupId: group.id,
      type: "WEAPON_SEIZURE",
      occurredAt: "2026-03-05T06:00",
    });
    await record()({ groupId: group.id, type: "SEARCH", occurredAt: "2026-03-03T06:00" });
    const q = async (query: Record<string, string>) =>
      (await findEnforcementActions({ actor: w.actors.POLICE, query: ZFindEnforcement.parse(query) })).items;
    expect((await q({})).map((i) => i.type)).toEqual(["WEAPON_SEIZURE", "SEARCH", "ARREST"]);
    expect((await q({ type: "ARREST" })).map((i) => i.person?.name)).toEqual(["Testa Testsson"]);
    expect((await q({ group: group.id })).map((i) => i.type)).toEqual(["WEAPON_SEIZURE", "SEARCH"]);
    expect((await q({ q: "Andra" })).map((i) => i.type)).toEqual(["WEAPON_SEIZURE"]);
    expect((await q({ type: "BOGUS", group: "nope" })).length).toBe(3);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "SEARCH", entityType: "EnforcementAction" },
      orderBy: { id: "desc" },
    });
    expect(audit.metadata).toMatchObject({ shownPersonIds: expect.any(Array) });
  });

  it("offers the group's current members when recording against a group", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
      validTo: new Date("2020-01-01"),
    });
    const options = await getEnforcementFormOptions({ actor: w.actors.POLICE, groupId: group.id });
    expect(options.members.map((m) => m.id)).toEqual([w.person.id]);
    await expect(getEnforcementFormOptions({ actor: w.actors.POLICE, groupId: UNKNOWN_ID })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getEnforcementFormOptions({ actor: w.actors.POLICE, personId: "bad" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
