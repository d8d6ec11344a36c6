import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createIncident, editIncident } from "@/lib/incidents/mutations";
import { findIncidents, getIncident, getIncidentFormOptions } from "@/lib/incidents/queries";
import { INCIDENT_ARRAYS, ZCreateIncident, ZEditIncident, ZFindIncidents } from "@/lib/incidents/schemas";
import { formatIdentityNumber } from "@/lib/validation/personnummer";
import { createGroup } from "@/prisma/factories";
import { activityCounts, makeWorld, submitWith, typedDateTime, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const create = (actor = () => w.actors.POLICE) =>
  submitWith(ZCreateIncident, (input) => createIncident({ actor: actor(), input }), INCIDENT_ARRAYS);
const edit = (actor = () => w.actors.POLICE) =>
  submitWith(ZEditIncident, (input) => editIncident({ actor: actor(), input }), INCIDENT_ARRAYS);

const valid = () => ({
  occurredAt: "2026-04-10T22:15",
  type: "SHOOTING",
  district: "Rosengård",
  place: "Parkeringen vid skolan",
  killed: "1",
  injured: "2",
  groupMemberInvolvement: "YES",
  description: "Flera skott.",
});

describe("recording an incident", () => {
  it("records a shooting with suspected groups, victims and suspects, audited", async () => {
    const suspected = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const victimSide = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    // Personnummer as people type them: with a dash, ten digits.
    const victim = formatIdentityNumber(w.person.identityNumber!).slice(2);
    const state = await create()({
      ...valid(),
      suspectedGroupIds: [suspected.id],
      victimGroupIds: [victimSide.id],
      newVictims: victim,
      newSuspects: w.secondPerson.identityNumber!,
    });
    expect(state).toEqual({ status: "success" });
    const incident = await db.incident.findFirstOrThrow({ include: { people: true, groups: true } });
    expect(incident).toMatchObject({
      type: "SHOOTING",
      district: "Rosengård",
      killed: 1,
      injured: 2,
      groupMemberInvolvement: "YES",
      siteId: w.site.id,
    });
    expect(incident.occurredAt.toISOString()).toBe("2026-04-10T20:15:00.000Z");
    expect(incident.people.map((p) => `${p.personId}:${p.role}`).sort()).toEqual(
      [`${w.person.id}:VICTIM`, `${w.secondPerson.id}:SUSPECT`].sort(),
    );
    expect(incident.groups.map((g) => `${g.groupId}:${g.role}`).sort()).toEqual(
      [`${suspected.id}:SUSPECTED`, `${victimSide.id}:VICTIM_SIDE`].sort(),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } });
    expect(audit).toMatchObject({ entityType: "Incident", entityId: incident.id });
    expect(JSON.stringify(audit.metadata)).not.toContain(w.person.identityNumber!);
  });

  it.each([
    ["a date in the future", { occurredAt: typedDateTime(1) }, { occurredAt: "futureDate" }],
    ["no district", { district: "  " }, { district: "required" }],
    ["a negative count", { killed: "-1" }, { killed: "wholeNumber" }],
    ["a fractional count", { injured: "1.5" }, { injured: "wholeNumber" }],
    ["an absurd count", { injured: "101" }, { injured: "tooLarge" }],
    ["an unknown type", { type: "RIOT" }, { type: "required" }],
    ["an unknown involvement", { groupMemberInvolvement: "MAYBE" }, { groupMemberInvolvement: "required" }],
    ["a wrong personnummer", { newVictims: "19811218-9875" }, { newVictims: "invalidIdentityNumberLine" }],
    ["an oversized description", { description: "x".repeat(2001) }, { description: "tooLong" }],
    ["an oversized place", { place: "x".repeat(201) }, { place: "tooLong" }],
    ["a malformed group id", { suspectedGroupIds: ["x"] }, { suspectedGroupIds: "invalid" }],
  ])("refuses %s and saves nothing, keeping the input", async (_label, change, fieldErrors) => {
    const before = await activityCounts();
    const input = { ...valid(), ...change };
    const state = await create()(input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error")
      expect(state.values).toMatchObject({
        place: input.place,
        description: input.description,
        district: input.district,
      });
    expect(await activityCounts()).toEqual(before);
  });

  it("refuses a valid personnummer nobody in the register has, a group on both sides, and foreign groups", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const foreign = await createGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    const before = await activityCounts();
    expect(await create()({ ...valid(), newSuspects: "19811218-9876" })).toMatchObject({
      fieldErrors: { newSuspects: "unknownIdentityNumber" },
    });
    expect(await create()({ ...valid(), newVictims: w.otherPerson.identityNumber! })).toMatchObject({
      fieldErrors: { newVictims: "unknownIdentityNumber" },
    });
    expect(await create()({ ...valid(), suspectedGroupIds: [group.id], victimGroupIds: [group.id] })).toMatchObject({
      fieldErrors: { victimGroupIds: "groupBothSides" },
    });
    expect(await create()({ ...valid(), suspectedGroupIds: [foreign.id] })).toMatchObject({
      fieldErrors: { suspectedGroupIds: "unknownGroup" },
    });
    expect(await create()({ ...valid(), keepPeople: [`${w.person.id}:VICTIM`] })).toMatchObject({
      fieldErrors: { keepPeople: "unknownPerson" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("is recorded by the police only", async () => {
    const input = ZCreateIncident.parse(valid());
    for (const role of ["SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(createIncident({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getIncidentFormOptions({ actor: w.actors.SOCIAL })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.incident.count()).toBe(0);
  });
});

describe("editing an incident", () => {
  it("changes the facts and the links with optimistic locking", async () => {
    await create()({ ...valid(), newVictims: w.person.identityNumber!, newSuspects: w.secondPerson.identityNumber! });
    const incident = await db.incident.findFirstOrThrow();
    // The victim is kept, the suspect dropped, the count corrected.
    const state = await edit()({
      ...valid(),
      incidentId: incident.id,
      version: "1",
      injured: "3",
      keepPeople: [`${w.person.id}:VICTIM`],
    });
    expect(state).toEqual({ status: "success" });
    const saved = await db.incident.findUniqueOrThrow({ where: { id: incident.id }, include: { people: true } });
    expect(saved).toMatchObject({ injured: 3, version: 2 });
    expect(saved.people.map((p) => p.personId)).toEqual([w.person.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } });
    expect(audit.metadata).toMatchObject({ droppedPersonIds: [w.secondPerson.id] });

    const before = await activityCounts();
    const stale = await edit()({
      ...valid(),
      incidentId: incident.id,
      version: "1",
      injured: "9",
      description: "Min ändring",
    });
    expect(stale).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { description: "Min ändring", injured: "9" },
    });
    expect(await activityCounts()).toEqual(before);
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).injured).toBe(3);
  });

  it("moves the retention clock of every person the edit names or drops, and of nobody else", async () => {
    await create()({ ...valid(), newVictims: w.person.identityNumber!, newSuspects: w.secondPerson.identityNumber! });
    const incident = await db.incident.findFirstOrThrow();
    const longAgo = new Date("2021-01-01T00:00:00Z");
    await db.person.updateMany({ data: { lastActivityAt: longAgo } });
    const started = Date.now();
    const state = await edit()({
      ...valid(),
      incidentId: incident.id,
      version: "1",
      keepPeople: [`${w.person.id}:VICTIM`],
    });
    expect(state).toEqual({ status: "success" });
    const clocks = await db.person.findMany({ select: { id: true, lastActivityAt: true } });
    const moved = clocks.filter((p) => p.lastActivityAt.getTime() >= started).map((p) => p.id);
    expect(moved.sort()).toEqual([w.person.id, w.secondPerson.id].sort());
    expect(
      clocks.filter((p) => !moved.includes(p.id)).every((p) => p.lastActivityAt.getTime() === longAgo.getTime()),
    ).toBe(true);
  });

  it("answers not found for an unknown or foreign incident and for other roles", async () => {
    await create()(valid());
    const incident = await db.incident.findFirstOrThrow();
    const before = await activityCounts();
    expect(await edit()({ ...valid(), incidentId: UNKNOWN_ID, version: "1" })).toMatchObject({ formError: "notFound" });
    expect(await edit(() => w.otherActor)({ ...valid(), incidentId: incident.id, version: "1" })).toMatchObject({
      formError: "notFound",
    });
    for (const role of ["SOCIAL", "PROBATION", "MANAGER"] as const) {
      expect(await edit(() => w.actors[role])({ ...valid(), incidentId: incident.id, version: "1" })).toMatchObject({
        formError: "notFound",
      });
    }
    expect(await activityCounts()).toEqual(before);
  });
});

describe("reading incidents", () => {
  it("lets every agency and the managers read; managers without people or groups; administrators not at all", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await create()({ ...valid(), suspectedGroupIds: [group.id], newVictims: w.person.identityNumber! });
    const incident = await db.incident.findFirstOrThrow();
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      const seen = await getIncident({ actor: w.actors[role], incidentId: incident.id });
      expect(seen.people).toMatchObject([{ personId: w.person.id, role: "VICTIM", name: "Testa Testsson" }]);
      expect(seen.people![0]!.maskedIdentityNumber).toMatch(/-XXXX$/);
      expect(seen.groups).toMatchObject([{ id: group.id, role: "SUSPECTED" }]);
    }
    const managers = await getIncident({ actor: w.actors.MANAGER, incidentId: incident.id });
    expect(managers).toMatchObject({ killed: 1, injured: 2, people: null, groups: null });
    expect(JSON.stringify(managers)).not.toContain("Testsson");
    await expect(getIncident({ actor: w.actors.ADMIN, incidentId: incident.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIncident({ actor: w.otherActor, incidentId: incident.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIncident({ actor: w.actors.POLICE, incidentId: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(findIncidents({ actor: w.actors.ADMIN, query: ZFindIncidents.parse({}) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("filters by type, involvement, district and dates (whole days in Swedish time) with totals", async () => {
    await create()({ ...valid(), occurredAt: "2026-01-31T23:30", district: "Fosie", killed: "0", injured: "1" });
    await create()({
      ...valid(),
      occurredAt: "2026-02-01T00:30",
      type: "EXPLOSION",
      killed: "0",
      injured: "0",
      groupMemberInvolvement: "UNKNOWN",
    });
    await create()({ ...valid(), occurredAt: "2026-03-15T12:00" });
    const q = (query: Record<string, string>) =>
      findIncidents({ actor: w.actors.MANAGER, query: ZFindIncidents.parse(query) });
    const all = await q({});
    expect(all.page.total).toBe(3);
    expect(all.totals).toEqual({ killed: 1, injured: 3 });
    expect(all.districts).toEqual(["Fosie", "Rosengård"]);
    expect((await q({ type: "EXPLOSION" })).page.total).toBe(1);
    expect((await q({ gmi: "YES" })).page.total).toBe(2);
    expect((await q({ district: "Fosie" })).page.total).toBe(1);
    // 23:30 on 31 January in Stockholm belongs to January, 00:30 on 1 February to February.
    expect((await q({ from: "2026-02-01", to: "2026-02-28" })).page.items.map((i) => i.type)).toEqual(["EXPLOSION"]);
    expect((await q({ to: "2026-01-31" })).page.items.map((i) => i.district)).toEqual(["Fosie"]);
    expect((await q({ from: "2026-02-30", type: "X", gmi: "?" })).page.total).toBe(3);
  });
});
