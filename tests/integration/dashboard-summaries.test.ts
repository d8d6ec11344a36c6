import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAssignment, createFollowUp, createIncident, createPerson } from "@/prisma/factories";
import { makeWorld, type World } from "./fixtures";

/*
 * The dashboard's summaries are kept by triggers in the same transaction as each change. These
 * tests change the underlying rows every way the app can, and compare the summary both with the
 * expected counts and with a rebuild from scratch (dashboard_rebuild_*), which must agree.
 */

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

async function caseload() {
  const rows = await db.caseloadCount.findMany({
    where: { people: { not: 0 } },
    orderBy: [{ agency: "asc" }, { userId: "asc" }],
  });
  return rows.map((r) => [r.userId, r.agency, r.people]);
}

async function rebuiltCaseload() {
  await db.$executeRaw`SELECT dashboard_rebuild_caseload_counts()`;
  return caseload();
}

describe("CaseloadCount", () => {
  it("follows assignments made, moved, ended and deleted", async () => {
    const police = w.users.POLICE.id;
    const social = w.users.SOCIAL.id;
    const a = await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: police,
      agency: "POLICE",
    });
    await createAssignment(db, { siteId: w.site.id, personId: w.secondPerson.id, userId: police, agency: "POLICE" });
    // The second person: moving `a` to the same person and user would break "one active assignment per (person, user)".
    await createAssignment(db, { siteId: w.site.id, personId: w.secondPerson.id, userId: social, agency: "SOCIAL" });
    expect(await caseload()).toEqual(
      expect.arrayContaining([
        [police, "POLICE", 2],
        [social, "SOCIAL", 1],
      ]),
    );

    await db.assignment.update({ where: { id: a.id }, data: { userId: social, agency: "SOCIAL" } });
    expect(await caseload()).toEqual(
      expect.arrayContaining([
        [police, "POLICE", 1],
        [social, "SOCIAL", 2],
      ]),
    );

    await db.assignment.updateMany({ where: { userId: social }, data: { endedAt: new Date() } });
    expect(await caseload()).toEqual([[police, "POLICE", 1]]);

    await db.assignment.deleteMany({ where: { userId: police } });
    expect(await caseload()).toEqual([]);
    expect(await rebuiltCaseload()).toEqual([]);
  });

  it("drops an anonymised person from every caseload, and takes them back if that is undone", async () => {
    const extra = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    for (const p of [w.person, w.secondPerson, extra])
      await createAssignment(db, {
        siteId: w.site.id,
        personId: p.id,
        userId: w.users.PROBATION.id,
        agency: "PROBATION",
      });
    await createAssignment(db, { siteId: w.site.id, personId: extra.id, userId: w.users.POLICE.id, agency: "POLICE" });

    await db.person.update({ where: { id: extra.id }, data: { anonymisedAt: new Date() } });
    expect(await caseload()).toEqual([[w.users.PROBATION.id, "PROBATION", 2]]);
    // An assignment made for an anonymised person does not count either.
    await createAssignment(db, { siteId: w.site.id, personId: extra.id, userId: w.users.SOCIAL.id, agency: "SOCIAL" });
    expect(await caseload()).toEqual([[w.users.PROBATION.id, "PROBATION", 2]]);
    expect(await rebuiltCaseload()).toEqual([[w.users.PROBATION.id, "PROBATION", 2]]);

    await db.person.update({ where: { id: extra.id }, data: { anonymisedAt: null } });
    const restored = await caseload();
    expect(restored).toEqual(
      expect.arrayContaining([
        [w.users.PROBATION.id, "PROBATION", 3],
        [w.users.POLICE.id, "POLICE", 1],
        [w.users.SOCIAL.id, "SOCIAL", 1],
      ]),
    );
    expect(await rebuiltCaseload()).toEqual(restored);
  });

  it("rolls back with the change that failed", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await createAssignment(tx, {
          siteId: w.site.id,
          personId: w.person.id,
          userId: w.users.POLICE.id,
          agency: "POLICE",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await caseload()).toEqual([]);
  });
});

describe("IncidentMonthCount", () => {
  async function months() {
    const rows = await db.incidentMonthCount.findMany({
      where: { incidents: { not: 0 } },
      orderBy: [{ month: "asc" }, { type: "asc" }, { groupMemberInvolvement: "asc" }],
    });
    return rows.map((r) => [r.month.toISOString().slice(0, 7), r.type, r.groupMemberInvolvement, r.incidents]);
  }
  const incident = (occurredAt: string, type: "SHOOTING" | "STABBING" = "SHOOTING") =>
    createIncident(db, {
      siteId: w.site.id,
      occurredAt: new Date(occurredAt),
      type,
      district: "Centrum",
      createdById: w.users.POLICE.id,
    });

  it("counts by the Swedish calendar month, and follows edits and deletes", async () => {
    // 31 January 23:30 UTC is already 1 February in Sweden.
    const late = await incident("2020-01-31T23:30:00Z");
    await incident("2020-01-15T12:00:00Z");
    await incident("2020-01-16T12:00:00Z", "STABBING");
    expect(await months()).toEqual([
      ["2020-01", "SHOOTING", "UNKNOWN", 1],
      ["2020-01", "STABBING", "UNKNOWN", 1],
      ["2020-02", "SHOOTING", "UNKNOWN", 1],
    ]);

    await db.incident.update({
      where: { id: late.id },
      data: { occurredAt: new Date("2020-01-20T10:00:00Z"), groupMemberInvolvement: "YES" },
    });
    // (enum order: YES before UNKNOWN)
    expect(await months()).toEqual([
      ["2020-01", "SHOOTING", "YES", 1],
      ["2020-01", "SHOOTING", "UNKNOWN", 1],
      ["2020-01", "STABBING", "UNKNOWN", 1],
    ]);
    // Editing what the summary does not count leaves it alone.
    await db.incident.update({ where: { id: late.id }, data: { district: "Söder", injured: 2 } });

    await db.incident.delete({ where: { id: late.id } });
    const incremental = await months();
    expect(incremental).toEqual([
      ["2020-01", "SHOOTING", "UNKNOWN", 1],
      ["2020-01", "STABBING", "UNKNOWN", 1],
    ]);
    await db.$executeRaw`SELECT dashboard_rebuild_incident_months()`;
    expect(await months()).toEqual(incremental);
  });
});

describe("OpenFollowUpCount", () => {
  async function open() {
    const rows = await db.openFollowUpCount.findMany({
      where: { open: { not: 0 } },
      orderBy: [{ agency: "asc" }, { assignedToId: "asc" }],
    });
    return rows.map((r) => [r.assignedToId, r.agency, r.open]);
  }
  async function rebuilt() {
    await db.$executeRaw`SELECT dashboard_rebuild_open_follow_ups()`;
    return open();
  }

  it("follows follow-ups made, done, reopened, reassigned, deleted and their people's anonymisation", async () => {
    const probation = w.users.PROBATION.id;
    const police = w.users.POLICE.id;
    const extra = await createPerson(db, { siteId: w.site.id, createdById: police });
    const base = { siteId: w.site.id, agency: "PROBATION" as const, assignedToId: probation };
    const a = await createFollowUp(db, { ...base, personId: w.person.id, dueOn: new Date("2020-01-01") });
    const b = await createFollowUp(db, { ...base, personId: w.secondPerson.id, dueOn: new Date("2030-01-01") });
    await createFollowUp(db, { ...base, personId: extra.id, dueOn: new Date("2020-01-01") });
    await createFollowUp(db, {
      ...base,
      personId: extra.id,
      dueOn: new Date("2020-01-01"),
      doneAt: new Date("2020-01-02T10:00:00Z"),
    });
    expect(await open()).toEqual([[probation, "PROBATION", 3]]);

    await db.followUp.update({ where: { id: a.id }, data: { doneAt: new Date() } });
    expect(await open()).toEqual([[probation, "PROBATION", 2]]);
    await db.followUp.update({ where: { id: a.id }, data: { doneAt: null } });
    await db.followUp.update({ where: { id: b.id }, data: { assignedToId: police, agency: "POLICE" } });
    expect(await open()).toEqual([
      [police, "POLICE", 1],
      [probation, "PROBATION", 2],
    ]);
    expect(await rebuilt()).toEqual(await open());

    await db.person.update({ where: { id: extra.id }, data: { anonymisedAt: new Date() } });
    expect(await open()).toEqual([
      [police, "POLICE", 1],
      [probation, "PROBATION", 1],
    ]);
    expect(await rebuilt()).toEqual(await open());
    await db.person.update({ where: { id: extra.id }, data: { anonymisedAt: null } });
    expect(await open()).toEqual([
      [police, "POLICE", 1],
      [probation, "PROBATION", 2],
    ]);

    await db.followUp.delete({ where: { id: a.id } });
    expect(await open()).toEqual([
      [police, "POLICE", 1],
      [probation, "PROBATION", 1],
    ]);
    expect(await rebuilt()).toEqual(await open());
  });
});
