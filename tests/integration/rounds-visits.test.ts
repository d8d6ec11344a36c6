import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { getDashboard } from "@/lib/dashboard/queries";
import { logNotification } from "@/lib/notifications/mutations";
import { getNotificationFormOptions } from "@/lib/notifications/queries";
import { ZLogNotification, LOG_NOTIFICATION_ARRAYS } from "@/lib/notifications/schemas";
import { addRoundPeople, createRound } from "@/lib/rounds/mutations";
import { getRound, listRounds, roundChoices } from "@/lib/rounds/queries";
import { ROUND_ARRAYS, ZAddRoundPeople, ZCreateRound } from "@/lib/rounds/schemas";
import { cancelPlannedVisit, planVisit } from "@/lib/visits/mutations";
import {
  countPlannedVisitsForUser,
  countPlannedVisitsForUserByState,
  getPlannedVisit,
  getVisitWeek,
  listPlannedVisitsForUser,
} from "@/lib/visits/queries";
import { PLAN_ARRAYS, ZCancelPlannedVisit, ZPlanVisit } from "@/lib/visits/schemas";
import {
  createCallIn,
  createCallInInvitee,
  createGroup,
  createMembership,
  createNotificationRound,
  createPerson,
  createPlannedVisit,
  createWarningFlag,
} from "@/prisma/factories";
import { assignAll, makeWorld, submitWith, typedDate, typedDateTime, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
});

const newRound = (actor = () => w.actors.POLICE) =>
  submitWith(ZCreateRound, (input) => createRound({ actor: actor(), input }), ROUND_ARRAYS);
const addPeople = (actor = () => w.actors.POLICE) =>
  submitWith(ZAddRoundPeople, (input) => addRoundPeople({ actor: actor(), input }), ROUND_ARRAYS);
const logNotif = (actor = () => w.actors.POLICE) =>
  submitWith(ZLogNotification, (input) => logNotification({ actor: actor(), input }), LOG_NOTIFICATION_ARRAYS);
const plan = (actor = () => w.actors.POLICE) =>
  submitWith(ZPlanVisit, (input) => planVisit({ actor: actor(), input }), PLAN_ARRAYS);

const notificationFields = (personId: string, extra: Record<string, string | string[]> = {}) => ({
  personId,
  occurredAt: typedDateTime(0),
  placeType: "HOME",
  agencies: ["POLICE"],
  outcome: "DELIVERED",
  response: "NEUTRAL",
  ...extra,
});

/** A calendar date as stored (@db.Date). */
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("rounds", () => {
  it("a coordinator creates a round with its people (a group's members and by number); audited", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    const state = await newRound(() => w.actors.SOCIAL)({
      name: "December 2026",
      startsOn: typedDate(-2),
      endsOn: typedDate(12),
      groupIds: [group.id],
      personNumbers: w.secondPerson.identityNumber!,
    });
    expect(state).toEqual({ status: "success" });
    const round = await db.notificationRound.findFirstOrThrow({ where: { name: "December 2026" } });
    expect(round.siteId).toBe(w.site.id);
    const people = await db.roundPerson.findMany({ where: { roundId: round.id }, select: { personId: true } });
    expect(people.map((p) => p.personId).sort()).toEqual([w.person.id, w.secondPerson.id].sort());
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "CREATE", entityType: "NotificationRound", entityId: round.id },
    });
    expect(event.actorId).toBe(w.users.SOCIAL.id);

    const [row] = await listRounds({ actor: w.actors.PROBATION });
    expect(row).toMatchObject({ id: round.id, people: 2, notified: 0, isCurrent: true });

    // Adding the same person again changes nothing; a new one is added.
    const third = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    expect(
      await addPeople()({ roundId: round.id, personNumbers: `${w.person.identityNumber}\n${third.identityNumber}` }),
    ).toEqual({ status: "success" });
    expect(await db.roundPerson.count({ where: { roundId: round.id } })).toBe(3);
  });

  it("refuses a period that ends before it starts, and people of another site", async () => {
    const backwards = await newRound()({ name: "Baklänges", startsOn: typedDate(5), endsOn: typedDate(1) });
    expect(backwards).toMatchObject({ status: "error", fieldErrors: { endsOn: "endBeforeStart" } });
    const foreign = await newRound()({
      name: "Fel ort",
      startsOn: typedDate(0),
      endsOn: typedDate(7),
      personIds: [w.otherPerson.id],
    });
    expect(foreign).toMatchObject({ status: "error", fieldErrors: { personIds: "unknownPerson" } });
    expect(await db.notificationRound.count()).toBe(0);
  });

  it("new notifications belong to a round: the current one is offered first, and the round page shows who was reached", async () => {
    const now = new Date();
    const old = await createNotificationRound(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await newRound()({
      name: "Nu",
      startsOn: typedDate(-3),
      endsOn: typedDate(10),
      personIds: [w.person.id, w.secondPerson.id],
    });
    const round = await db.notificationRound.findFirstOrThrow({ where: { name: "Nu" } });

    const options = await getNotificationFormOptions({ actor: w.actors.PROBATION, personId: w.person.id, now });
    expect(options.rounds.current).toBe(round.id);
    expect(options.rounds.rounds.map((r) => r.id)).toEqual([round.id, old.id]);
    expect((await roundChoices(w.actors.POLICE, new Date("2020-09-20T10:00:00Z"))).current).toBe(old.id);

    expect(await logNotif()(notificationFields(w.person.id, { roundId: round.id }))).toEqual({ status: "success" });
    const saved = await db.customNotification.findFirstOrThrow({ where: { personId: w.person.id } });
    expect(saved.roundId).toBe(round.id);
    await logNotif()(notificationFields(w.secondPerson.id, { roundId: round.id, outcome: "NOT_FOUND", response: "" }));

    const page = await getRound({ actor: w.actors.SOCIAL, roundId: round.id });
    expect(page.progress).toEqual({ people: 2, notified: 1, attempted: 1, notYet: 0 });
    expect(page.people.find((p) => p.personId === w.person.id)).toMatchObject({ isNotified: true });
    expect(page.people.find((p) => p.personId === w.secondPerson.id)).toMatchObject({
      isNotified: false,
      latest: { outcome: "NOT_FOUND" },
    });
    // The page names the people: its read is audited with them.
    const read = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.SOCIAL.id, entityType: "NotificationRound", action: "READ" },
    });
    expect((read.metadata as { shownPersonIds: string[] }).shownPersonIds.sort()).toEqual(
      [w.person.id, w.secondPerson.id].sort(),
    );
    expect((await listRounds({ actor: w.actors.POLICE }))[0]).toMatchObject({ id: round.id, notified: 1 });
  });

  it("a notification cannot belong to another site's round", async () => {
    const foreign = await createNotificationRound(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    const state = await logNotif()(notificationFields(w.person.id, { roundId: foreign.id }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { roundId: "unknownRound" } });
    expect(await db.customNotification.count()).toBe(0);
  });

  it("the dashboard's latest round is the latest one users made", async () => {
    // The demo's autumn 2020 round, and one a coordinator makes now.
    await createNotificationRound(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      name: "Hösten 2020",
      startsOn: d("2020-09-14"),
      endsOn: d("2020-09-25"),
    });
    await newRound()({ name: "Vår egen omgång", startsOn: typedDate(-1), endsOn: typedDate(13) });
    const made = await db.notificationRound.findFirstOrThrow({ where: { name: "Vår egen omgång" } });
    const dashboard = await getDashboard({ actor: w.actors.MANAGER, params: {} });
    expect(dashboard.view.periods.current).toMatchObject({ kind: "round", roundId: made.id });
    expect(dashboard.rounds[0]!.id).toBe(made.id);
  });

  it("another site's round answers not found, like one that does not exist", async () => {
    const round = await createNotificationRound(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await expect(getRound({ actor: w.otherActor, roundId: round.id })).rejects.toThrow(NotFoundError);
    await expect(getRound({ actor: w.actors.POLICE, roundId: UNKNOWN_ID })).rejects.toThrow(NotFoundError);
    await expect(getRound({ actor: w.actors.MANAGER, roundId: round.id })).rejects.toThrow(NotFoundError);
    expect(await listRounds({ actor: w.otherActor })).toEqual([]);
    const state = await addPeople(() => w.otherActor)({ roundId: round.id });
    expect(state).toMatchObject({ status: "error", formError: "notFound" });
  });
});

describe("planned visits", () => {
  it("plans a visit with a team, which the team sees this week; audited", async () => {
    const state = await plan()({
      personId: w.person.id,
      windowStartsOn: typedDate(0),
      windowEndsOn: typedDate(0),
      placeType: "HOME",
      placeDescription: "Porten mot gården",
      teamIds: [w.users.POLICE.id, w.users.SOCIAL.id],
    });
    expect(state).toEqual({ status: "success" });
    const saved = await db.plannedVisit.findFirstOrThrow({ include: { team: true } });
    expect(saved).toMatchObject({ personId: w.person.id, createdByAgency: "POLICE", doneAt: null });
    expect(saved.team.map((m) => m.userId).sort()).toEqual([w.users.POLICE.id, w.users.SOCIAL.id].sort());
    expect(
      await db.auditEvent.count({ where: { action: "CREATE", entityType: "PlannedVisit", entityId: saved.id } }),
    ).toBe(1);

    const social = await getVisitWeek({ actor: w.actors.SOCIAL });
    expect(social.mine.map((v) => v.id)).toEqual([saved.id]);
    expect(social.site.map((v) => v.id)).toEqual([saved.id]);
    expect(social.mine[0]).toMatchObject({ state: "due", personName: "Testa Testsson" });
    // Probation is not on the team: the site's week shows it, their own list does not.
    const probation = await getVisitWeek({ actor: w.actors.PROBATION });
    expect(probation.mine).toEqual([]);
    expect(probation.site.map((v) => v.id)).toEqual([saved.id]);
    expect(await countPlannedVisitsForUser(w.actors.SOCIAL)).toBe(1);
    expect(await countPlannedVisitsForUser(w.actors.PROBATION)).toBe(0);
    const search = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.PROBATION.id, action: "SEARCH", entityType: "PlannedVisit" },
    });
    expect(search.metadata).toMatchObject({ shownPersonIds: [w.person.id] });
  });

  it("refuses a window that ends before it starts and a team member of another site", async () => {
    expect(
      await plan()({
        personId: w.person.id,
        windowStartsOn: typedDate(3),
        windowEndsOn: typedDate(1),
        placeType: "HOME",
        teamIds: [w.otherActor.id],
      }),
    ).toMatchObject({ status: "error", fieldErrors: { windowEndsOn: "endBeforeStart" } });
    expect(
      await plan()({
        personId: w.person.id,
        windowStartsOn: typedDate(1),
        windowEndsOn: typedDate(3),
        placeType: "HOME",
        teamIds: [w.otherActor.id],
      }),
    ).toMatchObject({ status: "error", fieldErrors: { teamIds: "unknownParticipant" } });
    expect(await db.plannedVisit.count()).toBe(0);
  });

  it("logging the visit from the plan turns it into the notification: linked and done in one transaction", async () => {
    await plan()({
      personId: w.person.id,
      windowStartsOn: typedDate(-1),
      windowEndsOn: typedDate(2),
      placeType: "STREET",
      placeDescription: "Torget",
      teamIds: [w.users.SOCIAL.id],
    });
    const planned = await db.plannedVisit.findFirstOrThrow();

    // The form starts from the plan: its team, place and round.
    const options = await getNotificationFormOptions({
      actor: w.actors.POLICE,
      personId: w.person.id,
      plannedVisitId: planned.id,
    });
    expect(options.plan).toMatchObject({
      id: planned.id,
      placeType: "STREET",
      placeDescription: "Torget",
      teamIds: [w.users.SOCIAL.id],
    });

    const state = await logNotif()(
      notificationFields(w.person.id, {
        plannedVisitId: planned.id,
        placeType: "STREET",
        participantIds: [w.users.POLICE.id, w.users.SOCIAL.id],
      }),
    );
    expect(state).toEqual({ status: "success" });
    const notification = await db.customNotification.findFirstOrThrow();
    const done = await db.plannedVisit.findUniqueOrThrow({ where: { id: planned.id } });
    expect(done).toMatchObject({ notificationId: notification.id, version: planned.version + 1 });
    expect(done.doneAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "UPDATE", entityType: "PlannedVisit", entityId: planned.id } }),
    ).toBe(1);
    const page = await getPlannedVisit({ actor: w.actors.PROBATION, plannedVisitId: planned.id });
    expect(page.visit.state).toBe("done");
    expect(page.canLog).toBe(false);
    expect(page.notification?.id).toBe(notification.id);

    // The same plan again: refused whole, no second notification.
    const again = await logNotif()(notificationFields(w.person.id, { plannedVisitId: planned.id }));
    expect(again).toMatchObject({ status: "error", fieldErrors: { plannedVisitId: "planAlreadyLogged" } });
    expect(await db.customNotification.count()).toBe(1);
    // A plan of another person cannot be logged on this one either.
    const other = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    const wrong = await logNotif()(notificationFields(w.person.id, { plannedVisitId: other.id }));
    expect(wrong).toMatchObject({ status: "error", fieldErrors: { plannedVisitId: "planAlreadyLogged" } });
    expect(await db.customNotification.count()).toBe(1);
  });

  it("a plan whose window passed without a visit is not done: by the clock given, and on the user's to-do list", async () => {
    // Monday 2 to Friday 6 March 2026; the clock is passed in, never read from the machine.
    const planned = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      windowStartsOn: d("2026-03-02"),
      windowEndsOn: d("2026-03-06"),
      teamIds: [w.users.PROBATION.id],
    });
    const ids = async (now: Date) => (await listPlannedVisitsForUser(w.actors.PROBATION, now)).map((v) => v.id);
    const before = new Date("2026-02-20T10:00:00Z"); // the week before: not yet on the list
    const during = new Date("2026-03-04T10:00:00Z");
    const after = new Date("2026-03-12T10:00:00Z"); // the week after: overdue
    expect(await ids(before)).toEqual([]);
    expect(await ids(during)).toEqual([planned.id]);
    expect(await ids(after)).toEqual([planned.id]);
    expect((await listPlannedVisitsForUser(w.actors.PROBATION, during))[0]!.state).toBe("due");
    expect((await listPlannedVisitsForUser(w.actors.PROBATION, after))[0]!.state).toBe("notDone");
    expect(await countPlannedVisitsForUser(w.actors.PROBATION, after)).toBe(1);
    expect(await countPlannedVisitsForUserByState(w.actors.PROBATION, during)).toEqual({ overdue: 0, due: 1 });
    expect(await countPlannedVisitsForUserByState(w.actors.PROBATION, after)).toEqual({ overdue: 1, due: 0 });
    expect(await countPlannedVisitsForUserByState(w.actors.MANAGER, after)).toEqual({ overdue: 0, due: 0 });
    // Saturday after the window, same week: not done already.
    const saturday = new Date("2026-03-07T10:00:00Z");
    const week = await getVisitWeek({ actor: w.actors.POLICE, now: saturday });
    expect(week.notDone.map((v) => v.id)).toEqual([planned.id]);
    expect(week.site[0]!.state).toBe("notDone");
    expect(
      (await getPlannedVisit({ actor: w.actors.SOCIAL, plannedVisitId: planned.id, now: after })).visit.state,
    ).toBe("notDone");
    // Done visits leave the to-do list.
    await db.plannedVisit.update({ where: { id: planned.id }, data: { doneAt: during } });
    expect(await ids(after)).toEqual([]);
  });

  it("a plan called off leaves the to-do lists and the week's missed visits, cannot be logged, and is not counted", async () => {
    const planned = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      windowStartsOn: d("2026-03-02"),
      windowEndsOn: d("2026-03-06"),
      teamIds: [w.users.PROBATION.id],
    });
    const after = new Date("2026-03-12T10:00:00Z");
    const cancel = (actor = () => w.actors.SOCIAL, version = "1") =>
      submitWith(ZCancelPlannedVisit, (input) => cancelPlannedVisit({ actor: actor(), input, now: after }))({
        plannedVisitId: planned.id,
        version,
      });
    // Another site's user and a manager (no update grant) find nothing to call off.
    await expect(
      cancelPlannedVisit({ actor: w.otherActor, input: { plannedVisitId: planned.id, version: 1 } }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      cancelPlannedVisit({ actor: w.actors.MANAGER, input: { plannedVisitId: planned.id, version: 1 } }),
    ).rejects.toThrow(NotFoundError);
    expect((await getPlannedVisit({ actor: w.actors.SOCIAL, plannedVisitId: planned.id, now: after })).canCancel).toBe(
      true,
    );
    expect(await countPlannedVisitsForUser(w.actors.PROBATION, after)).toBe(1);

    expect(await cancel()).toEqual({ status: "success" });
    const page = await getPlannedVisit({ actor: w.actors.SOCIAL, plannedVisitId: planned.id, now: after });
    expect([page.visit.state, page.canLog, page.canCancel]).toEqual(["cancelled", false, false]);
    expect(await listPlannedVisitsForUser(w.actors.PROBATION, after)).toEqual([]);
    expect(await countPlannedVisitsForUser(w.actors.PROBATION, after)).toBe(0);
    expect((await getVisitWeek({ actor: w.actors.POLICE, now: new Date("2026-03-07T10:00:00Z") })).notDone).toEqual([]);
    expect(
      await db.auditEvent.count({
        where: { action: "UPDATE", entityType: "PlannedVisit", entityId: planned.id, actorId: w.users.SOCIAL.id },
      }),
    ).toBe(1);
    // Twice: refused, as is logging it from the plan; a stale version is a conflict.
    expect(await cancel(undefined, "2")).toMatchObject({ status: "error", formError: "planAlreadyLogged" });
    await expect(
      cancelPlannedVisit({ actor: w.actors.POLICE, input: { plannedVisitId: planned.id, version: 1 } }),
    ).rejects.toThrow(RuleError);
    const logged = await logNotif()(notificationFields(w.person.id, { plannedVisitId: planned.id }));
    expect(logged).toMatchObject({ status: "error", fieldErrors: { plannedVisitId: "planAlreadyLogged" } });
    expect(await db.customNotification.count()).toBe(0);
    const second = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      windowStartsOn: d("2026-03-02"),
      windowEndsOn: d("2026-03-06"),
    });
    await db.plannedVisit.update({ where: { id: second.id }, data: { version: 2 } });
    await expect(
      cancelPlannedVisit({ actor: w.actors.POLICE, input: { plannedVisitId: second.id, version: 1 } }),
    ).rejects.toThrow(ConflictError);
  });

  it("the week lists upcoming call-ins with their invitations", async () => {
    const now = new Date("2026-03-04T10:00:00Z"); // a Wednesday
    const coming = await createCallIn(db, {
      siteId: w.site.id,
      occurredAt: new Date("2026-03-05T17:00:00Z"),
      venue: "Rådhuset",
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await createCallInInvitee(db, { callInId: coming.id, personId: w.person.id });
    await createCallInInvitee(db, { callInId: coming.id, personId: w.secondPerson.id });
    await createCallIn(db, {
      siteId: w.site.id,
      occurredAt: new Date("2026-03-03T17:00:00Z"),
      venue: "Förra gången",
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await createCallIn(db, {
      siteId: w.otherSite.id,
      occurredAt: new Date("2026-03-05T17:00:00Z"),
      venue: "Annan ort",
      createdById: w.otherActor.id,
      createdByAgency: "POLICE",
    });
    const week = await getVisitWeek({ actor: w.actors.SOCIAL, now });
    expect(week.callIns).toEqual([expect.objectContaining({ id: coming.id, venue: "Rådhuset", invited: 2 })]);
  });

  it("a plan shows the person's warning flags; another site's plan answers not found", async () => {
    const planned = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await createWarningFlag(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "POLICE",
      kind: "DOG",
      createdById: w.users.POLICE.id,
    });
    const page = await getPlannedVisit({ actor: w.actors.SOCIAL, plannedVisitId: planned.id });
    expect(page.flags).toEqual([expect.objectContaining({ kind: "DOG", agency: "POLICE", reason: null })]);
    const [row] = (await getVisitWeek({ actor: w.actors.SOCIAL, now: new Date("2026-12-08T10:00:00Z") })).site;
    expect(row).toMatchObject({ id: planned.id, flagKinds: ["DOG"] });

    await expect(getPlannedVisit({ actor: w.otherActor, plannedVisitId: planned.id })).rejects.toThrow(NotFoundError);
    await expect(getPlannedVisit({ actor: w.actors.MANAGER, plannedVisitId: planned.id })).rejects.toThrow(
      NotFoundError,
    );
    const foreign = await plan(() => w.otherActor)({
      personId: w.person.id,
      windowStartsOn: typedDate(0),
      windowEndsOn: typedDate(1),
      placeType: "HOME",
    });
    expect(foreign).toMatchObject({ status: "error", formError: "notFound" });
  });
});
