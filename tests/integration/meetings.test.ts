import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError } from "@/lib/caseload-gate";
import { db, type Tx } from "@/lib/db";
import { SECTIONS } from "@/lib/register-extract/sections";
import { anonymiseInTx } from "@/lib/retention/mutations";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Agency } from "@/lib/generated/prisma/enums";
import {
  addAgendaPerson,
  completeTask,
  createMeeting,
  editMeeting,
  recordDecision,
  saveMinutes,
} from "@/lib/meetings/mutations";
import {
  countDueTasksForUser,
  findMeetings,
  getMeeting,
  listDueTasksForUser,
  type MeetingView,
} from "@/lib/meetings/queries";
import {
  ZAddAgendaPerson,
  ZCompleteTask,
  ZCreateMeeting,
  ZEditMeeting,
  ZMeetingList,
  ZRecordDecision,
  ZSaveMinutes,
} from "@/lib/meetings/schemas";
import { toStockholmInputValue } from "@/lib/validation/dates";
import {
  createFollowUp,
  createMeeting as createMeetingRow,
  createMeetingDecision,
  createPlan,
  createPlanMeasure,
} from "@/prisma/factories";
import { assignAll, giveConsent, makeWorld, submitWith, typedDate, typedDateTime, type World } from "./fixtures";

const AGENCIES: Agency[] = ["POLICE", "SOCIAL", "PROBATION"];
const DAY = 86_400_000;

let w: World;
let meetingId: string;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  const meeting = await createMeetingRow(db, {
    siteId: w.site.id,
    createdById: w.users.POLICE.id,
    startsAt: new Date(Date.now() + 2 * DAY),
    participantIds: AGENCIES.map((a) => w.users[a].id),
    agendaPersonIds: [w.person.id],
  });
  meetingId = meeting.id;
});

const actorOf = (agency: Agency) => w.actors[agency];
const meetingOf = (agency: Agency, now?: Date) => getMeeting({ actor: actorOf(agency), meetingId, now });
const entryOf = (view: MeetingView, personId = w.person.id) => view.agenda.find((a) => a.personId === personId)!;

const writeMinutes = (agency: Agency, text: string, v = 0) =>
  saveMinutes({
    actor: actorOf(agency),
    input: ZSaveMinutes.parse({ meetingId, personId: w.person.id, version: String(v), text }),
  });

const decide = (agency: Agency, text: string, responsible: Agency, dueInDays = 10) =>
  recordDecision({
    actor: actorOf(agency),
    input: ZRecordDecision.parse({
      meetingId,
      personId: w.person.id,
      text,
      taskTitle_0: `Uppgift för ${responsible}`,
      taskResponsible_0: w.users[responsible].id,
      taskDueOn_0: typedDate(dueInDays),
    }),
  });

describe("planning a meeting", () => {
  it("creates one with its agencies and participants, puts a person on the agenda, and audits both", async () => {
    const state = await submitWith(ZCreateMeeting, (input) => createMeeting({ actor: w.actors.SOCIAL, input }), [
      "agencies",
      "participantIds",
    ])({
      startsAt: typedDateTime(7),
      place: "Stadshuset",
      agencies: ["SOCIAL", "POLICE"],
      participantIds: [w.users.SOCIAL.id, w.users.POLICE.id],
    });
    expect(state).toEqual({ status: "success" });
    const created = await db.coordinationMeeting.findFirstOrThrow({
      where: { place: "Stadshuset" },
      include: { participants: true },
    });
    expect(created.agencies.sort()).toEqual(["POLICE", "SOCIAL"]);
    expect(created.participants).toHaveLength(2);
    await addAgendaPerson({
      actor: w.actors.SOCIAL,
      input: ZAddAgendaPerson.parse({ meetingId: created.id, version: "1", personId: w.secondPerson.id }),
    });
    expect(await db.meetingAgendaItem.count({ where: { meetingId: created.id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { entityType: "CoordinationMeeting", entityId: created.id } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("refuses participants of another site and a meeting without agencies", async () => {
    const submit = submitWith(ZCreateMeeting, (input) => createMeeting({ actor: w.actors.SOCIAL, input }), [
      "agencies",
      "participantIds",
    ]);
    expect(
      await submit({ startsAt: typedDateTime(7), place: "X", agencies: ["SOCIAL"], participantIds: [w.otherActor.id] }),
    ).toMatchObject({ status: "error", fieldErrors: { participantIds: "unknownParticipant" } });
    expect(await submit({ startsAt: typedDateTime(7), place: "X" })).toMatchObject({
      status: "error",
      fieldErrors: { agencies: "chooseAgency" },
    });
  });

  it("answers a stale version with a conflict and changes nothing", async () => {
    const input = (v: number) =>
      ZEditMeeting.parse({
        meetingId,
        version: String(v),
        startsAt: toStockholmInputValue(new Date(Date.now() + 3 * DAY)),
        place: "Nytt rum",
        agencies: ["POLICE"],
        participantIds: [w.users.POLICE.id],
        status: "HELD",
      });
    await editMeeting({ actor: w.actors.POLICE, input: input(1) });
    await expect(editMeeting({ actor: w.actors.SOCIAL, input: input(1) })).rejects.toBeInstanceOf(ConflictError);
    await writeMinutes("SOCIAL", "Första");
    await expect(writeMinutes("SOCIAL", "Samtidigt", 0)).rejects.toBeInstanceOf(ConflictError);
    await writeMinutes("SOCIAL", "Andra", 1);
    await expect(writeMinutes("SOCIAL", "Gammal", 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await db.meetingMinutes.findFirstOrThrow()).text).toBe("Andra");
  });

  it("lists upcoming and held meetings and names the next", async () => {
    await createMeetingRow(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      startsAt: new Date(Date.now() - 20 * DAY),
      status: "HELD",
    });
    const upcoming = await findMeetings({ actor: w.actors.PROBATION, query: ZMeetingList.parse({}) });
    expect(upcoming.page.items.map((m) => m.id)).toEqual([meetingId]);
    expect(upcoming.next?.id).toBe(meetingId);
    expect(upcoming.counts).toEqual({ upcoming: 1, held: 1 });
    const held = await findMeetings({ actor: w.actors.PROBATION, query: ZMeetingList.parse({ view: "held" }) });
    expect(held.page.items).toHaveLength(1);
  });
});

describe("minutes: each agency's own", () => {
  it("are never shown to another agency, even with a consent covering everything", async () => {
    await giveConsent(w, w.person.id, AGENCIES);
    for (const agency of AGENCIES) await writeMinutes(agency, `MINNESANTECKNING ${agency}`);
    for (const viewer of AGENCIES) {
      const view = await meetingOf(viewer);
      expect(entryOf(view).minutes?.text).toBe(`MINNESANTECKNING ${viewer}`);
      const json = JSON.stringify(view);
      for (const other of AGENCIES.filter((a) => a !== viewer)) expect(json).not.toContain(`MINNESANTECKNING ${other}`);
    }
    expect(await db.disclosure.count({ where: { entityType: "MeetingMinutes" } })).toBe(0);
  });

  it("cannot be changed by another agency", async () => {
    await writeMinutes("POLICE", "Polisens");
    // Social services' "version 1" finds no minutes of theirs to change: not found, nothing changed.
    await expect(writeMinutes("SOCIAL", "Ändrat", 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.meetingMinutes.findFirstOrThrow()).text).toBe("Polisens");
  });
});

describe("joint decisions and their tasks", () => {
  it("refuses a task for another agency unless the person's consent covers the decision to it", async () => {
    const submit = submitWith(ZRecordDecision, (input) => recordDecision({ actor: w.actors.POLICE, input }));
    const typed = {
      meetingId,
      personId: w.person.id,
      text: "BESLUT OM STÖD",
      taskTitle_0: "Polisens egen uppgift",
      taskResponsible_0: w.users.POLICE.id,
      taskDueOn_0: typedDate(5),
      taskTitle_1: "Uppgift för socialtjänsten",
      taskResponsible_1: w.users.SOCIAL.id,
      taskDueOn_1: typedDate(5),
    };
    expect(await submit(typed)).toMatchObject({
      status: "error",
      fieldErrors: { taskResponsible_1: "taskNeedsConsent" },
    });
    // A consent covering only probation's information to the police opens nothing of the police's.
    await giveConsent(w, w.person.id, ["PROBATION"]);
    expect(await submit(typed)).toMatchObject({
      status: "error",
      fieldErrors: { taskResponsible_1: "taskNeedsConsent" },
    });
    expect(await db.meetingDecision.count()).toBe(0);
    expect(await db.task.count()).toBe(0);
    expect(await db.disclosure.count()).toBe(0);
    // A task for the recorder's own agency needs no consent.
    expect(await submit({ ...typed, taskTitle_1: "", taskResponsible_1: "", taskDueOn_1: "" })).toEqual({
      status: "success",
    });
    expect(await db.disclosure.count()).toBe(0);
  });

  it("hands a task over under consent as the recorder's disclosure; the decision only under consent to the viewer", async () => {
    // The consent covers the police's and social services' information between them, not probation.
    await giveConsent(w, w.person.id, ["POLICE", "SOCIAL"]);
    const { id, taskIds } = await decide("POLICE", "BESLUT OM STÖD", "SOCIAL");
    const handed = await db.disclosure.findMany();
    expect(handed.map((d) => [d.entityType, d.entityId, d.fromAgency, d.toAgency, d.actorId, d.legalBasis])).toEqual([
      ["Task", taskIds[0], "POLICE", "SOCIAL", w.users.POLICE.id, "CONSENT"],
    ]);
    expect(handed[0]!.consentId).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "DISCLOSE", actorId: w.users.POLICE.id, personId: w.person.id } }),
    ).toBe(1);
    // Probation, outside the consent, sees nothing of it.
    const probationBefore = entryOf(await meetingOf("PROBATION"));
    expect(probationBefore.decisions).toEqual([]);
    expect(JSON.stringify(probationBefore)).not.toContain("BESLUT OM STÖD");
    expect(JSON.stringify(probationBefore)).not.toContain("Uppgift för SOCIAL");
    // Social services see the task they own among the due items, and the decision under the consent.
    const social = entryOf(await meetingOf("SOCIAL"));
    expect(social.dueItems.map((i) => i.id)).toEqual(taskIds);
    expect(social.decisions.map((d) => d.id)).toEqual([id]);
    // The police see their own decision, no disclosure of theirs to themselves.
    expect(entryOf(await meetingOf("POLICE")).decisions.map((d) => d.id)).toEqual([id]);
    expect(await db.disclosure.count({ where: { toAgency: "POLICE" } })).toBe(0);

    await giveConsent(w, w.person.id, AGENCIES);
    const probation = entryOf(await meetingOf("PROBATION"));
    expect(probation.decisions.map((d) => [d.id, d.text])).toEqual([[id, "BESLUT OM STÖD"]]);
    expect(probation.decisions[0]!.tasks.map((t) => [t.id, t.canComplete])).toEqual([[taskIds[0], false]]);
    const disclosed = await db.disclosure.findMany({ where: { actorId: w.users.PROBATION.id } });
    expect(disclosed.map((d) => [d.entityType, d.entityId, d.fromAgency, d.toAgency]).sort()).toEqual(
      [
        ["MeetingDecision", id, "POLICE", "PROBATION"],
        ["Task", taskIds[0], "POLICE", "PROBATION"],
      ].sort(),
    );
    expect(
      await db.auditEvent.count({
        where: { action: "DISCLOSE", actorId: w.users.PROBATION.id, personId: w.person.id },
      }),
    ).toBe(1);
  });

  it("lets only the owner agency mark a task done", async () => {
    await giveConsent(w, w.person.id, AGENCIES);
    const { taskIds } = await decide("POLICE", "Beslut", "SOCIAL");
    const input = ZCompleteTask.parse({ taskId: taskIds[0], version: "1" });
    for (const agency of ["POLICE", "PROBATION"] as const)
      await expect(completeTask({ actor: actorOf(agency), input })).rejects.toBeInstanceOf(NotFoundError);
    await completeTask({ actor: w.actors.SOCIAL, input });
    const task = await db.task.findUniqueOrThrow({ where: { id: taskIds[0] } });
    expect(task.status).toBe("DONE");
    await expect(completeTask({ actor: w.actors.SOCIAL, input })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a responsible user of another site", async () => {
    const state = await submitWith(ZRecordDecision, (input) => recordDecision({ actor: w.actors.POLICE, input }))({
      meetingId,
      personId: w.person.id,
      text: "Beslut",
      taskTitle_0: "Uppgift",
      taskResponsible_0: w.otherActor.id,
      taskDueOn_0: typedDate(3),
    });
    expect(state).toMatchObject({ status: "error", fieldErrors: { taskResponsible_0: "unknownOfficer" } });
    expect(await db.meetingDecision.count()).toBe(0);
  });

  it("asks for every field of a half-filled task row", async () => {
    const state = await submitWith(ZRecordDecision, (input) => recordDecision({ actor: w.actors.POLICE, input }))({
      meetingId,
      personId: w.person.id,
      text: "Beslut",
      taskTitle_1: "Uppgift utan ansvarig",
    });
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { taskResponsible_1: "required", taskDueOn_1: "required" },
    });
  });
});

describe("the printed agenda holds only what the reader may see", () => {
  it("has the reader's own minutes, their own decisions, others' only under consent", async () => {
    for (const agency of AGENCIES) {
      await writeMinutes(agency, `ANTECKNING-${agency}`);
      await decide(agency, `BESLUT-${agency}`, agency);
    }
    const textOf = async (agency: Agency) => JSON.stringify(await meetingOf(agency));
    for (const viewer of AGENCIES) {
      const json = await textOf(viewer);
      expect(json).toContain(`ANTECKNING-${viewer}`);
      expect(json).toContain(`BESLUT-${viewer}`);
      for (const other of AGENCIES.filter((a) => a !== viewer)) {
        expect(json).not.toContain(`ANTECKNING-${other}`);
        expect(json).not.toContain(`BESLUT-${other}`);
      }
    }
    // A consent between social services and probation only: they see each other's decisions, never the police's.
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    const social = await textOf("SOCIAL");
    expect(social).toContain("BESLUT-PROBATION");
    expect(social).not.toContain("BESLUT-POLICE");
    expect(social).not.toContain("ANTECKNING-PROBATION");
    const police = await textOf("POLICE");
    expect(police).not.toContain("BESLUT-SOCIAL");
    expect(police).not.toContain("BESLUT-PROBATION");
  });
});

describe("who may open a meeting at all", () => {
  it("looks like not found to a manager, an administrator and another site", async () => {
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor])
      await expect(getMeeting({ actor, meetingId })).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN])
      await expect(findMeetings({ actor, query: ZMeetingList.parse({}) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(findMeetings({ actor: w.otherActor, query: ZMeetingList.parse({}) })).resolves.toMatchObject({
      page: { items: [] },
    });
  });

  it("opens an agenda person outside the caseload for a participant with the meeting as the reason, not for others", async () => {
    await db.assignment.deleteMany({ where: { personId: w.person.id } });
    await expect(writeMinutes("SOCIAL", "För tidigt")).rejects.toBeInstanceOf(AccessReasonRequiredError);
    const view = await meetingOf("SOCIAL");
    expect(entryOf(view).isOpen).toBe(true);
    const grant = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.SOCIAL.id, entityType: "PersonAccess", personId: w.person.id },
    });
    expect(grant.reason).toBe(`COORDINATION_MEETING: ${meetingId}`);
    await writeMinutes("SOCIAL", "Under mötet");
    await db.meetingParticipant.deleteMany({ where: { userId: w.users.PROBATION.id } });
    const probation = entryOf(await meetingOf("PROBATION"));
    expect(probation).toMatchObject({ isOpen: false, minutes: null, decisions: [], dueItems: [] });
    expect(probation.name).toBe("Testa Testsson");
  });
});

describe("due items and the to-do list", () => {
  it("lists each agenda person's open tasks and the viewer's follow-ups due by the meeting", async () => {
    const now = new Date();
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date(`${typedDate(-3)}T00:00:00Z`),
    });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date(`${typedDate(60)}T00:00:00Z`),
    });
    const { taskIds } = await decide("PROBATION", "Beslut", "PROBATION", 4);
    const items = entryOf(await meetingOf("PROBATION", now)).dueItems;
    expect(items.map((i) => [i.kind, i.isOverdue])).toEqual([
      ["followUp", true],
      ["task", false],
    ]);
    expect(items[1]!.id).toBe(taskIds[0]);
    // The police see no follow-ups at all.
    expect(entryOf(await meetingOf("POLICE", now)).dueItems).toEqual([]);
  });

  it("shows another agency's follow-up among the due items only under consent, as a disclosure", async () => {
    const followUp = await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date(`${typedDate(1)}T00:00:00Z`),
    });
    expect(entryOf(await meetingOf("SOCIAL")).dueItems).toEqual([]);
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    expect(entryOf(await meetingOf("SOCIAL")).dueItems.map((i) => i.id)).toEqual([followUp.id]);
    expect(
      await db.disclosure.findMany({
        where: { actorId: w.users.SOCIAL.id },
        select: { entityType: true, entityId: true, fromAgency: true },
      }),
    ).toEqual([{ entityType: "FollowUp", entityId: followUp.id, fromAgency: "PROBATION" }]);
  });

  it("shows a person's open plan measures among the due items: the viewer's agency's, another's only under consent", async () => {
    const plan = await createPlan(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
    const measure = await createPlanMeasure(db, {
      siteId: w.site.id,
      planId: plan.id,
      personId: w.person.id,
      agency: "PROBATION",
      createdById: w.users.PROBATION.id,
      dueOn: new Date(`${typedDate(2)}T00:00:00Z`),
    });
    await createPlanMeasure(db, {
      siteId: w.site.id,
      planId: plan.id,
      personId: w.person.id,
      agency: "PROBATION",
      createdById: w.users.PROBATION.id,
      status: "DONE",
      dueOn: new Date(`${typedDate(1)}T00:00:00Z`),
    });
    const probation = entryOf(await meetingOf("PROBATION")).dueItems.filter((i) => i.kind === "planMeasure");
    expect(probation.map((i) => i.id)).toEqual([measure.id]);
    expect(entryOf(await meetingOf("SOCIAL")).dueItems.filter((i) => i.kind === "planMeasure")).toEqual([]);
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    expect(
      entryOf(await meetingOf("SOCIAL"))
        .dueItems.filter((i) => i.kind === "planMeasure")
        .map((i) => i.id),
    ).toEqual([measure.id]);
    expect(
      await db.disclosure.count({
        where: { actorId: w.users.SOCIAL.id, entityType: "PlanMeasure", entityId: measure.id },
      }),
    ).toBe(1);
  });

  it("gives the responsible user their open tasks overdue or due within seven days, counted alike", async () => {
    const now = new Date();
    const decision = (await db.meetingDecision.count()) === 0;
    expect(decision).toBe(true);
    const made = await createMeetingDecision(db, {
      siteId: w.site.id,
      meetingId,
      personId: w.person.id,
      recordedByAgency: "POLICE",
      createdById: w.users.POLICE.id,
      tasks: [
        { title: "Försenad", ownerAgency: "SOCIAL", responsibleId: w.users.SOCIAL.id, dueOn: dateIn(now, -2) },
        { title: "Snart", ownerAgency: "SOCIAL", responsibleId: w.users.SOCIAL.id, dueOn: dateIn(now, 6) },
        { title: "Senare", ownerAgency: "SOCIAL", responsibleId: w.users.SOCIAL.id, dueOn: dateIn(now, 9) },
        {
          title: "Klar",
          ownerAgency: "SOCIAL",
          responsibleId: w.users.SOCIAL.id,
          dueOn: dateIn(now, 1),
          status: "DONE",
          doneAt: now,
        },
        { title: "Någon annans", ownerAgency: "POLICE", responsibleId: w.users.POLICE.id, dueOn: dateIn(now, 1) },
      ],
    });
    expect(made.tasks).toHaveLength(5);
    const due = await listDueTasksForUser(w.actors.SOCIAL, now);
    expect(due.map((t) => [t.title, t.isOverdue])).toEqual([
      ["Försenad", true],
      ["Snart", false],
    ]);
    expect(await countDueTasksForUser(w.actors.SOCIAL, now)).toBe(2);
    // Eight days on, "Senare" is due too and "Snart" overdue.
    const later = new Date(now.getTime() + 8 * DAY);
    expect((await listDueTasksForUser(w.actors.SOCIAL, later)).map((t) => [t.title, t.isOverdue])).toEqual([
      ["Försenad", true],
      ["Snart", true],
      ["Senare", false],
    ]);
    expect(await countDueTasksForUser(w.actors.MANAGER, now)).toBe(0);
  });
});

/** A calendar day `days` from `now` (Stockholm), as a @db.Date value. */
function dateIn(now: Date, days: number): Date {
  return new Date(`${toStockholmInputValue(new Date(now.getTime() + days * DAY)).slice(0, 10)}T00:00:00Z`);
}

describe("the register extract and retention", () => {
  it("has every agency's minutes, the decisions and the tasks; anonymising clears their text and the agenda", async () => {
    for (const agency of AGENCIES) await writeMinutes(agency, `ANTECKNING-${agency}`);
    await giveConsent(w, w.person.id, ["POLICE", "SOCIAL"]);
    await decide("POLICE", "BESLUT", "SOCIAL");
    const subject = { siteId: w.site.id, personId: w.person.id };
    const load = (key: string) => SECTIONS.find((s) => s.key === key)!.load(db as unknown as Tx, subject);
    expect((await load("meetingMinutes")).map((m) => m.text).sort()).toEqual(
      AGENCIES.map((a) => `ANTECKNING-${a}`).sort(),
    );
    expect((await load("meetingDecisions")).map((d) => d.text)).toEqual(["BESLUT"]);
    expect((await load("tasks")).map((t) => [t.title, t.ownerAgency, t.status])).toEqual([
      ["Uppgift för SOCIAL", "SOCIAL", "OPEN"],
    ]);
    expect(await load("coordinationMeetings")).toHaveLength(1);

    const cleared = await db.$transaction((tx) =>
      anonymiseInTx(tx, { personId: w.person.id, cutoff: new Date(Date.now() + DAY), now: new Date() }),
    );
    expect(cleared).toMatchObject({ meetingMinutesDeleted: 3, meetingDecisions: 1, tasks: 1, agendaItemsRemoved: 1 });
    expect(await db.meetingMinutes.count()).toBe(0);
    expect(await db.meetingAgendaItem.count()).toBe(0);
    expect((await db.meetingDecision.findFirstOrThrow()).text).toBe("");
    expect((await db.task.findFirstOrThrow()).title).toBe("");
  });
});
