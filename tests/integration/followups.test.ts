import { beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "@/lib/auth";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { completeFollowUp, deleteFollowUp, logFollowUp, rescheduleFollowUp } from "@/lib/followups/mutations";
import { countMyFollowUps, getFollowUp, getFollowUpFormOptions, getFollowUpLists } from "@/lib/followups/queries";
import {
  ZCompleteFollowUp,
  ZDeleteFollowUp,
  ZFollowUpList,
  ZLogFollowUp,
  ZRescheduleFollowUp,
} from "@/lib/followups/schemas";
import { createFollowUp, createNotification, createUser } from "@/prisma/factories";
import {
  activityCounts,
  assignAll,
  giveConsent,
  makeWorld,
  submitWith,
  typedDate,
  typedDateTime,
  UNKNOWN_ID,
  type World,
} from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts) is passed by the caseload.
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
});

const log = (actor = () => w.actors.PROBATION) =>
  submitWith(ZLogFollowUp, (input) => logFollowUp({ actor: actor(), input }));
const complete = (actor = () => w.actors.PROBATION) =>
  submitWith(ZCompleteFollowUp, (input) => completeFollowUp({ actor: actor(), input }));
const reschedule = (actor = () => w.actors.PROBATION) =>
  submitWith(ZRescheduleFollowUp, (input) => rescheduleFollowUp({ actor: actor(), input }));
const remove = (actor = () => w.actors.PROBATION) =>
  submitWith(ZDeleteFollowUp, (input) => deleteFollowUp({ actor: actor(), input }));
const lists = (actor: World["actors"]["POLICE"], query: Record<string, string> = {}) =>
  getFollowUpLists({ actor, query: ZFollowUpList.parse(query) });

async function planned(
  dueInDays: number,
  data: { personId?: string; assignedToId?: string; agency?: "PROBATION" | "SOCIAL" } = {},
) {
  const agency = data.agency ?? "PROBATION";
  const owner = agency === "PROBATION" ? w.users.PROBATION.id : w.users.SOCIAL.id;
  return createFollowUp(db, {
    siteId: w.site.id,
    personId: data.personId ?? w.person.id,
    agency,
    assignedToId: data.assignedToId ?? owner,
    dueOn: new Date(`${typedDate(dueInDays)}T00:00:00Z`),
    createdById: owner,
  });
}

describe("logging a follow-up from a person's file", () => {
  it("plans one with a due date ahead, assigned to a colleague, and audits it", async () => {
    const colleague = await createUser(db, { siteId: w.site.id, role: "PROBATION" });
    const notification = await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    const state = await log()({
      personId: w.person.id,
      dueOn: typedDate(14),
      assignedToId: colleague.id,
      notificationId: notification.id,
      summary: "Fråga om arbete.",
    });
    expect(state).toEqual({ status: "success" });
    const saved = await db.followUp.findFirstOrThrow();
    expect(saved).toMatchObject({
      agency: "PROBATION",
      assignedToId: colleague.id,
      notificationId: notification.id,
      doneAt: null,
      contactType: null,
      summary: "Fråga om arbete.",
      createdById: w.users.PROBATION.id,
    });
    expect(saved.dueOn.toISOString().slice(0, 10)).toBe(typedDate(14));
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } })).toMatchObject({
      entityType: "FollowUp",
      entityId: saved.id,
      personId: w.person.id,
    });
  });

  it("logs one already done; its due date is the day of the contact in Swedish time", async () => {
    // 00:30 on 2 March in Stockholm is still 1 March in UTC.
    expect(
      await log()({ personId: w.person.id, doneAt: "2026-03-02T00:30", contactType: "PHONE", summary: "Samtal." }),
    ).toEqual({ status: "success" });
    const saved = await db.followUp.findFirstOrThrow();
    expect(saved.doneAt?.toISOString()).toBe("2026-03-01T23:30:00.000Z");
    expect(saved.dueOn.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(saved.contactType).toBe("PHONE");
  });

  it.each([
    ["neither a due date nor a contact", {}, { dueOn: "dueOrDoneRequired" }],
    ["a contact in the future", { doneAt: typedDateTime(2), contactType: "PHONE" }, { doneAt: "futureDate" }],
    ["a contact without its type", { doneAt: "2026-03-02T10:00" }, { contactType: "contactTypeRequired" }],
    ["a contact type without a contact", { dueOn: typedDate(3), contactType: "PHONE" }, { doneAt: "doneAtRequired" }],
    ["an unknown contact type", { doneAt: "2026-03-02T10:00", contactType: "PIGEON" }, { contactType: "invalid" }],
    ["a due date far ahead", { dueOn: typedDate(3 * 366) }, { dueOn: "tooFarAhead" }],
    ["an impossible due date", { dueOn: "2026-13-01" }, { dueOn: "invalidDate" }],
    ["an oversized summary", { dueOn: typedDate(3), summary: "x".repeat(2001) }, { summary: "tooLong" }],
    ["a malformed officer id", { dueOn: typedDate(3), assignedToId: "x" }, { assignedToId: "invalid" }],
  ])("refuses %s and saves nothing", async (_label, change, fieldErrors) => {
    const before = await activityCounts();
    const state = await log()({ personId: w.person.id, ...change });
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    expect(await activityCounts()).toEqual(before);
  });

  it("refuses an officer of another agency or site, an unknown person and a foreign notification", async () => {
    const before = await activityCounts();
    for (const assignedToId of [w.users.POLICE.id, w.otherActor.id, UNKNOWN_ID]) {
      expect(await log()({ personId: w.person.id, dueOn: typedDate(3), assignedToId })).toMatchObject({
        status: "error",
        fieldErrors: { assignedToId: "unknownOfficer" },
      });
    }
    for (const personId of [UNKNOWN_ID, w.otherPerson.id])
      expect(await log()({ personId, dueOn: typedDate(3) })).toMatchObject({ status: "error", formError: "notFound" });
    const elsewhere = await createNotification(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    expect(await log()({ personId: w.person.id, dueOn: typedDate(3), notificationId: elsewhere.id })).toMatchObject({
      status: "error",
      fieldErrors: { notificationId: "unknownLink" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("is probation's and social services' work, never the police's, managers' or administrators'", async () => {
    const input = ZLogFollowUp.parse({ personId: w.person.id, dueOn: typedDate(3) });
    for (const role of ["POLICE", "MANAGER", "ADMIN"] as const) {
      await expect(logFollowUp({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getFollowUpFormOptions({ actor: w.actors[role], personId: w.person.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(lists(w.actors[role])).rejects.toBeInstanceOf(NotFoundError);
    }
    await logFollowUp({ actor: w.actors.SOCIAL, input });
    expect(await db.followUp.findFirstOrThrow()).toMatchObject({ agency: "SOCIAL", assignedToId: w.users.SOCIAL.id });
  });
});

describe("the overdue list", () => {
  it("shows my overdue and upcoming follow-ups, and my agency's overdue per officer", async () => {
    const colleague = await createUser(db, { siteId: w.site.id, role: "PROBATION", name: "Ann Kollega" });
    const late = await planned(-3);
    const today = await planned(0);
    const soon = await planned(5);
    const theirs = await planned(-10, { assignedToId: colleague.id, personId: w.secondPerson.id });
    const socials = await planned(-4, { agency: "SOCIAL" });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date("2026-01-01"),
      doneAt: new Date("2026-01-02T10:00:00Z"),
      contactType: "MEETING",
    });

    const mine = await lists(w.actors.PROBATION);
    expect(mine.page.items.map((i) => i.id)).toEqual([late.id]);
    expect(mine.page.items[0]).toMatchObject({ isOverdue: true, personName: "Testa Testsson" });
    expect(mine.counts).toEqual({ overdue: 1, upcoming: 2, teamOverdue: 2 });
    expect((await lists(w.actors.PROBATION, { view: "upcoming" })).page.items.map((i) => i.id)).toEqual([
      today.id,
      soon.id,
    ]);
    expect((await lists(w.actors.PROBATION, { view: "done" })).page.total).toBe(1);

    const team = await lists(w.actors.PROBATION, { view: "team" });
    expect(team.page.items.map((i) => i.id).sort()).toEqual([late.id, theirs.id].sort());
    expect(team.perOfficer).toMatchObject([
      { officerId: colleague.id, name: "Ann Kollega", overdue: 1 },
      { officerId: w.users.PROBATION.id, overdue: 1 },
    ]);
    expect(
      (await lists(w.actors.PROBATION, { view: "team", officer: colleague.id })).page.items.map((i) => i.id),
    ).toEqual([theirs.id]);
    // Social services' own list holds theirs only.
    expect((await lists(w.actors.SOCIAL)).page.items.map((i) => i.id)).toEqual([socials.id]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "SEARCH", entityType: "FollowUp", actorId: w.users.PROBATION.id },
    });
    expect(audit.metadata).toMatchObject({ view: "overdue", shownFollowUpIds: [late.id] });
  });

  it("counts my overdue and upcoming ones for the start page, and nothing for the police", async () => {
    await planned(-3);
    await planned(-1);
    await planned(4);
    await planned(-2, { agency: "SOCIAL" });
    expect(await countMyFollowUps({ actor: w.actors.PROBATION })).toEqual({ overdue: 2, upcoming: 1 });
    expect(await countMyFollowUps({ actor: w.actors.SOCIAL })).toEqual({ overdue: 1, upcoming: 0 });
    await expect(countMyFollowUps({ actor: w.actors.POLICE })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("falls back to the overdue view for a bad view, officer or page", async () => {
    await planned(-3);
    const result = await lists(w.actors.PROBATION, { view: "<script>", officer: "x", page: "abc" });
    expect(result.page).toMatchObject({ page: 1, total: 1 });
  });
});

describe("completing, rescheduling and removing", () => {
  it("marks an overdue follow-up done, which takes it off the list", async () => {
    const f = await planned(-3);
    expect(
      await complete()({
        followUpId: f.id,
        version: "1",
        doneAt: typedDateTime(0),
        contactType: "MEETING",
        summary: "Träffades på kontoret.",
      }),
    ).toEqual({ status: "success" });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      contactType: "MEETING",
      summary: "Träffades på kontoret.",
      version: 2,
    });
    expect((await lists(w.actors.PROBATION)).counts.overdue).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } })).toMatchObject({
      entityType: "FollowUp",
      entityId: f.id,
    });
  });

  it("refuses a future contact, a missing contact type, a stale version and a second completion", async () => {
    const f = await planned(-3);
    let before = await activityCounts();
    expect(
      await complete()({ followUpId: f.id, version: "1", doneAt: typedDateTime(1), contactType: "MEETING" }),
    ).toMatchObject({ fieldErrors: { doneAt: "futureDate" } });
    expect(await complete()({ followUpId: f.id, version: "1", doneAt: typedDateTime(0) })).toMatchObject({
      fieldErrors: { contactType: "required" },
    });
    expect(
      await complete()({ followUpId: f.id, version: "abc", doneAt: typedDateTime(0), contactType: "PHONE" }),
    ).toMatchObject({ fieldErrors: { version: "invalid" } });
    expect(await activityCounts()).toEqual(before);

    await reschedule()({ followUpId: f.id, version: "1", dueOn: typedDate(2) });
    before = await activityCounts();
    expect(
      await complete()({
        followUpId: f.id,
        version: "1",
        doneAt: typedDateTime(0),
        contactType: "PHONE",
        summary: "Behåll",
      }),
    ).toMatchObject({ formError: "conflict", values: { summary: "Behåll" } });
    expect(await activityCounts()).toEqual(before);

    expect(
      await complete()({ followUpId: f.id, version: "2", doneAt: typedDateTime(0), contactType: "PHONE" }),
    ).toEqual({ status: "success" });
    before = await activityCounts();
    expect(
      await complete()({ followUpId: f.id, version: "3", doneAt: typedDateTime(0), contactType: "PHONE" }),
    ).toMatchObject({ formError: "alreadyDone" });
    expect(await reschedule()({ followUpId: f.id, version: "3", dueOn: typedDate(2) })).toMatchObject({
      formError: "alreadyDone",
    });
    expect(await remove()({ followUpId: f.id, version: "3" })).toMatchObject({ formError: "alreadyDone" });
    expect(await activityCounts()).toEqual(before);
  });

  it("leaves another agency's follow-ups alone, and another site's and unknown ones are not found", async () => {
    const probation = await planned(-3);
    const social = await planned(-3, { agency: "SOCIAL" });
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"], { givenOn: new Date("2020-01-01") });
    const before = await activityCounts();
    expect(
      await complete(() => w.actors.SOCIAL)({
        followUpId: probation.id,
        version: "1",
        doneAt: typedDateTime(0),
        contactType: "PHONE",
      }),
    ).toMatchObject({ formError: "notFound" });
    expect(
      await complete()({ followUpId: social.id, version: "1", doneAt: typedDateTime(0), contactType: "PHONE" }),
    ).toMatchObject({ formError: "notFound" });
    expect(
      await complete(() => w.otherActor)({
        followUpId: probation.id,
        version: "1",
        doneAt: typedDateTime(0),
        contactType: "PHONE",
      }),
    ).toMatchObject({ formError: "notFound" });
    expect(
      await complete()({ followUpId: UNKNOWN_ID, version: "1", doneAt: typedDateTime(0), contactType: "PHONE" }),
    ).toMatchObject({ formError: "notFound" });
    // Social services have no grant to delete follow-ups at all.
    expect(await remove(() => w.actors.SOCIAL)({ followUpId: social.id, version: "1" })).toMatchObject({
      formError: "notFound",
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("reschedules to another officer of the agency only, and removes a planned one with its audit event", async () => {
    const f = await planned(-3);
    const colleague = await createUser(db, { siteId: w.site.id, role: "PROBATION" });
    expect(
      await reschedule()({ followUpId: f.id, version: "1", dueOn: typedDate(7), assignedToId: w.users.SOCIAL.id }),
    ).toMatchObject({ fieldErrors: { assignedToId: "unknownOfficer" } });
    expect(
      await reschedule()({ followUpId: f.id, version: "1", dueOn: typedDate(7), assignedToId: colleague.id }),
    ).toEqual({ status: "success" });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      assignedToId: colleague.id,
      version: 2,
    });
    // The new officer sees it as theirs.
    expect((await lists(actorOf(colleague), { view: "upcoming" })).page.items.map((i) => i.id)).toEqual([f.id]);

    expect(await remove()({ followUpId: f.id, version: "1" })).toMatchObject({ formError: "conflict" });
    expect(await remove()({ followUpId: f.id, version: "2" })).toEqual({ status: "success" });
    expect(await db.followUp.count()).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "DELETE" } })).toMatchObject({
      entityType: "FollowUp",
      entityId: f.id,
      personId: w.person.id,
    });
  });
});

describe("who sees a follow-up", () => {
  it("shows probation's to social services only with consent (a logged disclosure), never to the police", async () => {
    const f = await planned(-3);
    await expect(getFollowUp({ actor: w.actors.SOCIAL, followUpId: f.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFollowUp({ actor: w.actors.POLICE, followUpId: f.id })).rejects.toBeInstanceOf(NotFoundError);
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"], { givenOn: new Date("2020-01-01") });
    const seen = await getFollowUp({ actor: w.actors.SOCIAL, followUpId: f.id });
    expect(seen).toMatchObject({ isOwn: false, officers: [] });
    expect(await db.disclosure.findFirstOrThrow()).toMatchObject({
      fromAgency: "PROBATION",
      toAgency: "SOCIAL",
      legalBasis: "CONSENT",
      consentId: consent.id,
      entityId: f.id,
    });
    await expect(getFollowUp({ actor: w.actors.POLICE, followUpId: f.id })).rejects.toBeInstanceOf(NotFoundError);

    await db.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } });
    await expect(getFollowUp({ actor: w.actors.SOCIAL, followUpId: f.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives the recording agency its own follow-up with the officers to reassign to", async () => {
    const f = await planned(2);
    const own = await getFollowUp({ actor: w.actors.PROBATION, followUpId: f.id });
    expect(own.isOwn).toBe(true);
    expect(own.officers.map((o) => o.id)).toContain(w.users.PROBATION.id);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "READ", entityType: "FollowUp" } })).toMatchObject({
      entityId: f.id,
      personId: w.person.id,
    });
    await expect(getFollowUp({ actor: w.actors.PROBATION, followUpId: "nope" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
