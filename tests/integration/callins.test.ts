import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createCallIn, editCallIn } from "@/lib/callins/mutations";
import { findCallIns, getCallIn, getCallInFormOptions } from "@/lib/callins/queries";
import { CALL_IN_ARRAYS, ZCreateCallIn, ZEditCallIn, ZFindCallIns } from "@/lib/callins/schemas";
import { createGroup, createMembership, createPerson, createUser } from "@/prisma/factories";
import { activityCounts, makeWorld, submitWith, typedDateTime, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const create = (actor = () => w.actors.POLICE) =>
  submitWith(ZCreateCallIn, (input) => createCallIn({ actor: actor(), input }), CALL_IN_ARRAYS);
const edit = (actor = () => w.actors.POLICE) =>
  submitWith(ZEditCallIn, (input) => editCallIn({ actor: actor(), input }), CALL_IN_ARRAYS);

const valid = () => ({
  occurredAt: "2026-05-20T17:00",
  venue: "Rådhuset, sessionssalen",
  description: "Stormöte för Västra gänget.",
  speakerPolice: [w.users.POLICE.id],
  speakerSocial: [w.users.SOCIAL.id],
  speakerProbation: [w.users.PROBATION.id],
  communitySpeakers: "Mamma i Malmö (förening)\nImam Yusuf, Rosengård",
  invitePersonNumbers: w.person.identityNumber!,
});

/** The edit form as it posts: one row of fields per attendee. */
function rows(attendees: { personId: string; status: string; response?: string; help?: boolean; remove?: boolean }[]) {
  const fields: Record<string, string | string[]> = { attendee: attendees.map((a) => a.personId) };
  for (const a of attendees) {
    fields[`status_${a.personId}`] = a.status;
    if (a.response) fields[`response_${a.personId}`] = a.response;
    if (a.help) fields[`help_${a.personId}`] = "on";
    if (a.remove) fields[`remove_${a.personId}`] = "on";
  }
  return fields;
}

describe("planning a call-in", () => {
  it("saves the meeting with speakers of each agency and community voices, invites a group's current members who can come, audited", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const member = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const former = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const detained = await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      status: "DEPRIVED_OF_LIBERTY",
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: member.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: detained.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: former.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
      validTo: new Date("2020-01-01"),
    });
    const state = await create()({ ...valid(), inviteGroupIds: [group.id] });
    expect(state).toEqual({ status: "success" });
    const callIn = await db.callIn.findFirstOrThrow({ include: { speakers: true, invitees: true } });
    expect(callIn).toMatchObject({ venue: "Rådhuset, sessionssalen", createdByAgency: "POLICE", version: 1 });
    expect(callIn.occurredAt.toISOString()).toBe("2026-05-20T15:00:00.000Z");
    expect(callIn.speakers.map((s) => `${s.kind}:${s.userId ?? s.name}`).sort()).toEqual(
      [
        `POLICE:${w.users.POLICE.id}`,
        `SOCIAL:${w.users.SOCIAL.id}`,
        `PROBATION:${w.users.PROBATION.id}`,
        "COMMUNITY:Mamma i Malmö (förening)",
        "COMMUNITY:Imam Yusuf, Rosengård",
      ].sort(),
    );
    expect(callIn.invitees.map((i) => i.personId).sort()).toEqual([w.person.id, member.id].sort());
    expect(callIn.invitees.every((i) => i.status === "INVITED" && i.response === null && !i.askedForHelp)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } });
    expect(audit).toMatchObject({ entityType: "CallIn", entityId: callIn.id });
    expect(JSON.stringify(audit.metadata)).not.toContain("Imam");
  });

  it("may lie in the future (it is planned), but not years ahead", async () => {
    expect(await create()({ ...valid(), occurredAt: typedDateTime(30) })).toEqual({ status: "success" });
    const before = await activityCounts();
    expect(await create()({ ...valid(), occurredAt: typedDateTime(365 * 3) })).toMatchObject({
      fieldErrors: { occurredAt: "tooFarAhead" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it.each([
    ["no venue", { venue: "" }, { venue: "required" }],
    ["an oversized venue", { venue: "x".repeat(201) }, { venue: "tooLong" }],
    ["an impossible date", { occurredAt: "2026-02-30T17:00" }, { occurredAt: "invalidDate" }],
    [
      "a wrong personnummer",
      { invitePersonNumbers: "19811218-9875" },
      { invitePersonNumbers: "invalidIdentityNumberLine" },
    ],
    ["an oversized community name", { communitySpeakers: "x".repeat(201) }, { communitySpeakers: "tooLong" }],
    [
      "too many community voices",
      { communitySpeakers: Array.from({ length: 11 }, (_, i) => `Röst ${i}`).join("\n") },
      { communitySpeakers: "tooMany" },
    ],
    ["a malformed speaker id", { speakerPolice: ["nope"] }, { speakerPolice: "invalid" }],
  ])("refuses %s and saves nothing, keeping the input", async (_label, change, fieldErrors) => {
    const before = await activityCounts();
    const input = { ...valid(), ...change };
    const state = await create()(input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error")
      expect(state.values).toMatchObject({
        communitySpeakers: input.communitySpeakers,
        speakerSocial: input.speakerSocial,
      });
    expect(await activityCounts()).toEqual(before);
  });

  it("refuses speakers of the wrong agency or site, unknown people and foreign groups", async () => {
    const foreignGroup = await createGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    const before = await activityCounts();
    expect(await create()({ ...valid(), speakerPolice: [w.users.SOCIAL.id] })).toMatchObject({
      fieldErrors: { speakerPolice: "unknownSpeaker" },
    });
    expect(await create()({ ...valid(), speakerSocial: [w.otherActor.id] })).toMatchObject({
      fieldErrors: { speakerSocial: "unknownSpeaker" },
    });
    expect(await create()({ ...valid(), speakerProbation: [w.users.MANAGER.id] })).toMatchObject({
      fieldErrors: { speakerProbation: "unknownSpeaker" },
    });
    expect(await create()({ ...valid(), invitePersonNumbers: w.otherPerson.identityNumber! })).toMatchObject({
      fieldErrors: { invitePersonNumbers: "unknownIdentityNumber" },
    });
    expect(await create()({ ...valid(), inviteGroupIds: [foreignGroup.id] })).toMatchObject({
      fieldErrors: { inviteGroupIds: "unknownGroup" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("is the three agencies' joint work, not the managers' or administrators'", async () => {
    const input = ZCreateCallIn.parse(valid());
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(createCallIn({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCallInFormOptions({ actor: w.actors[role] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(findCallIns({ actor: w.actors[role], query: ZFindCallIns.parse({}) })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    for (const role of ["SOCIAL", "PROBATION"] as const)
      await expect(createCallIn({ actor: w.actors[role], input })).resolves.toHaveProperty("id");
  });
});

describe("recording attendance and editing", () => {
  async function heldCallIn() {
    await create()({ ...valid(), invitePersonNumbers: `${w.person.identityNumber}\n${w.secondPerson.identityNumber}` });
    return db.callIn.findFirstOrThrow();
  }

  it("records each attendee's status, response and request for help, removes and adds invitees", async () => {
    const callIn = await heldCallIn();
    const third = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const state = await edit(() => w.actors.SOCIAL)({
      ...valid(),
      callInId: callIn.id,
      version: "1",
      venue: "Rådhuset, stora salen",
      speakerProbation: [],
      communitySpeakers: "",
      invitePersonNumbers: third.identityNumber!,
      ...rows([
        { personId: w.person.id, status: "ATTENDED", response: "POSITIVE", help: true },
        { personId: w.secondPerson.id, status: "ABSENT", remove: true },
      ]),
    });
    expect(state).toEqual({ status: "success" });
    const saved = await db.callIn.findUniqueOrThrow({
      where: { id: callIn.id },
      include: { invitees: true, speakers: true },
    });
    expect(saved).toMatchObject({ venue: "Rådhuset, stora salen", version: 2 });
    expect(saved.speakers.map((s) => s.kind).sort()).toEqual(["POLICE", "SOCIAL"]);
    const byPerson = Object.fromEntries(saved.invitees.map((i) => [i.personId, i]));
    expect(byPerson[w.person.id]).toMatchObject({ status: "ATTENDED", response: "POSITIVE", askedForHelp: true });
    expect(byPerson[w.secondPerson.id]).toBeUndefined();
    expect(byPerson[third.id]).toMatchObject({ status: "INVITED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } });
    expect(audit.metadata).toMatchObject({
      addedPersonIds: [third.id],
      removedPersonIds: [w.secondPerson.id],
      attendeesChanged: 1,
    });

    const detail = await getCallIn({ actor: w.actors.PROBATION, callInId: callIn.id });
    expect(detail.attendees.map((a) => a.name)).toContain("Testa Testsson");
    expect(detail.attendees.find((a) => a.personId === w.person.id)?.maskedIdentityNumber).toMatch(/-XXXX$/);
    expect(JSON.stringify(detail)).not.toContain(w.person.identityNumber!);
  });

  it("moves the retention clock of each person whose attendance, invitation or answer changed, and no other", async () => {
    const callIn = await heldCallIn();
    const third = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const longAgo = new Date("2021-01-01T00:00:00Z");
    await db.person.updateMany({ data: { lastActivityAt: longAgo } });
    const started = Date.now();
    const state = await edit(() => w.actors.SOCIAL)({
      ...valid(),
      callInId: callIn.id,
      version: "1",
      speakerProbation: [],
      communitySpeakers: "",
      ...rows([
        { personId: w.person.id, status: "ATTENDED", response: "POSITIVE", help: false },
        { personId: w.secondPerson.id, status: "INVITED" },
      ]),
    });
    expect(state).toEqual({ status: "success" });
    const clocks = await db.person.findMany({ select: { id: true, lastActivityAt: true } });
    expect(clocks.filter((p) => p.lastActivityAt.getTime() >= started).map((p) => p.id)).toEqual([w.person.id]);
    expect(clocks.find((p) => p.id === third.id)?.lastActivityAt).toEqual(longAgo);
  });

  it("puts each attendance error on the attendee's row and saves nothing", async () => {
    const callIn = await heldCallIn();
    const before = await activityCounts();
    const state = await edit()({
      ...valid(),
      callInId: callIn.id,
      version: "1",
      ...rows([
        { personId: w.person.id, status: "ABSENT", response: "POSITIVE" },
        { personId: w.secondPerson.id, status: "DECLINED", help: true },
      ]),
    });
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        [`response_${w.person.id}`]: "responseNeedsAttendance",
        [`help_${w.secondPerson.id}`]: "helpNeedsAttendance",
      },
      values: { [`status_${w.person.id}`]: "ABSENT", [`response_${w.person.id}`]: "POSITIVE" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("records no attendance for a meeting that has not taken place", async () => {
    await create()({ ...valid(), occurredAt: typedDateTime(10) });
    const callIn = await db.callIn.findFirstOrThrow();
    const before = await activityCounts();
    const state = await edit()({
      ...valid(),
      occurredAt: typedDateTime(10),
      callInId: callIn.id,
      version: "1",
      ...rows([{ personId: w.person.id, status: "ATTENDED" }]),
    });
    expect(state).toMatchObject({ fieldErrors: { [`status_${w.person.id}`]: "notYetHeld" } });
    expect(await activityCounts()).toEqual(before);
    // Declining ahead of the meeting is fine.
    expect(
      await edit()({
        ...valid(),
        occurredAt: typedDateTime(10),
        callInId: callIn.id,
        version: "1",
        ...rows([{ personId: w.person.id, status: "DECLINED" }]),
      }),
    ).toEqual({ status: "success" });
  });

  it("answers the second of two edits from the same version with a conflict, keeping the input", async () => {
    const callIn = await heldCallIn();
    expect(await edit()({ ...valid(), callInId: callIn.id, version: "1", venue: "Första" })).toEqual({
      status: "success",
    });
    const before = await activityCounts();
    const state = await edit(() => w.actors.SOCIAL)({
      ...valid(),
      callInId: callIn.id,
      version: "1",
      venue: "Andra",
      ...rows([{ personId: w.person.id, status: "ATTENDED" }]),
    });
    expect(state).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { venue: "Andra", [`status_${w.person.id}`]: "ATTENDED" },
    });
    expect(await activityCounts()).toEqual(before);
    expect((await db.callIn.findUniqueOrThrow({ where: { id: callIn.id } })).venue).toBe("Första");
  });

  it("answers not found for unknown and foreign call-ins, and refuses rows for people not invited", async () => {
    const callIn = await heldCallIn();
    const before = await activityCounts();
    expect(await edit()({ ...valid(), callInId: UNKNOWN_ID, version: "1" })).toMatchObject({ formError: "notFound" });
    expect(await edit(() => w.otherActor)({ ...valid(), callInId: callIn.id, version: "1" })).toMatchObject({
      formError: "notFound",
    });
    expect(await edit(() => w.actors.MANAGER)({ ...valid(), callInId: callIn.id, version: "1" })).toMatchObject({
      formError: "notFound",
    });
    expect(
      await edit()({
        ...valid(),
        callInId: callIn.id,
        version: "1",
        ...rows([{ personId: w.otherPerson.id, status: "ATTENDED" }]),
      }),
    ).toMatchObject({
      fieldErrors: { attendees: "unknownPerson" },
    });
    expect(await activityCounts()).toEqual(before);
    await expect(getCallIn({ actor: w.otherActor, callInId: callIn.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCallIn({ actor: w.actors.POLICE, callInId: "1 OR 1=1" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the call-in list", () => {
  it("searches venues, separates upcoming from past, counts invited and attended; audited", async () => {
    await create()({ ...valid(), venue: "Stadshuset", occurredAt: "2026-01-10T17:00" });
    await create()({ ...valid(), venue: "Rådhuset", occurredAt: typedDateTime(20) });
    const past = await db.callIn.findFirstOrThrow({ where: { venue: "Stadshuset" } });
    await edit()({
      ...valid(),
      venue: "Stadshuset",
      occurredAt: "2026-01-10T17:00",
      callInId: past.id,
      version: "1",
      ...rows([{ personId: w.person.id, status: "ATTENDED" }]),
    });
    const q = (query: Record<string, string>) =>
      findCallIns({ actor: w.actors.PROBATION, query: ZFindCallIns.parse(query) });
    expect((await q({})).items.map((i) => i.venue)).toEqual(["Rådhuset", "Stadshuset"]);
    expect((await q({ period: "upcoming" })).items.map((i) => i.venue)).toEqual(["Rådhuset"]);
    expect((await q({ period: "past" })).items).toMatchObject([{ venue: "Stadshuset", invited: 1, attended: 1 }]);
    expect((await q({ q: "stads" })).items.map((i) => i.venue)).toEqual(["Stadshuset"]);
    expect((await q({ period: "later", page: "x" })).total).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "SEARCH", entityType: "CallIn" } })).toBe(5);
  });

  it("offers only active colleagues of the three agencies as speakers", async () => {
    await createUser(db, { siteId: w.site.id, role: "POLICE", isActive: false, name: "Slutat Polis" });
    const { colleagues } = await getCallInFormOptions({ actor: w.actors.SOCIAL });
    expect(colleagues.map((c) => c.role).sort()).toEqual(["POLICE", "PROBATION", "SOCIAL"]);
  });
});
