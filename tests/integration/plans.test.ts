import { beforeEach, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { withdrawConsent } from "@/lib/consent/mutations";
import {
  addPlanMeasure,
  changePlanMeasureStatus,
  createPlan,
  editPlanMeasure,
  updatePlan,
} from "@/lib/plans/mutations";
import {
  countDueMeasuresForUser,
  getPlan,
  getPlanMeasure,
  listDueMeasuresForPerson,
  listDueMeasuresForUser,
} from "@/lib/plans/queries";
import {
  ZAddPlanMeasure,
  ZChangePlanMeasureStatus,
  ZCreatePlan,
  ZEditPlanMeasure,
  ZUpdatePlan,
} from "@/lib/plans/schemas";
import type { Agency } from "@/lib/generated/prisma/enums";
import { SECTIONS } from "@/lib/register-extract/sections";
import { anonymiseInTx } from "@/lib/retention/mutations";
import { createPlan as makePlan, createPlanMeasure, createUser } from "@/prisma/factories";
import { assignAll, giveConsent, makeWorld, submitWith, typedDate, UNKNOWN_ID, type World } from "./fixtures";

/*
 * The individual plan (issue 15; docs/confidentiality.md, "The individual plan"): the header is
 * joint, each measure is its owner agency's, seen by another agency only under a consent covering
 * PLAN_MEASURE that the owner confirmed (a logged disclosure), and changed only by the owner.
 */

let w: World;
let plan: { id: string };
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  plan = await makePlan(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
});

type Who = keyof World["actors"];
const add = (who: Who = "SOCIAL") =>
  submitWith(ZAddPlanMeasure, (input) => addPlanMeasure({ actor: w.actors[who], input }));
const edit = (who: Who = "SOCIAL") =>
  submitWith(ZEditPlanMeasure, (input) => editPlanMeasure({ actor: w.actors[who], input }));
const changeStatus = (who: Who = "SOCIAL", now?: Date) =>
  submitWith(ZChangePlanMeasureStatus, (input) => changePlanMeasureStatus({ actor: w.actors[who], input, now }));

const DAY = 86_400_000;
const midnight = (days: number) => new Date(`${typedDate(days)}T00:00:00Z`);

/** A measure of `agency` on the world's plan, due `dueInDays` from today, its agency's user responsible. */
function measureOf(agency: Agency, dueInDays = 14, data: { responsibleId?: string; status?: "DONE" | "DROPPED" } = {}) {
  return createPlanMeasure(db, {
    siteId: w.site.id,
    planId: plan.id,
    personId: w.person.id,
    agency,
    title: `${agency}-ÅTGÄRD`,
    description: "Beskrivning: fritext",
    createdById: w.users[agency].id,
    responsibleId: data.responsibleId ?? w.users[agency].id,
    dueOn: midnight(dueInDays),
    ...(data.status ? { status: data.status } : {}),
  });
}

const seenIds = async (who: Who) =>
  (await getPlan({ actor: w.actors[who], personId: w.person.id })).groups.flatMap((g) => g.measures.map((m) => m.id));

describe("an agency's own measures", () => {
  it("adds a measure as its own agency's, with a responsible colleague, a planned first step and an audit event", async () => {
    const colleague = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    const state = await add()({
      planId: plan.id,
      title: "Ansökan om boende",
      description: "Kontakt med bostadsbolaget.",
      responsibleId: colleague.id,
      dueOn: typedDate(10),
    });
    expect(state).toEqual({ status: "success" });
    const saved = await db.planMeasure.findFirstOrThrow({ include: { history: true } });
    expect(saved).toMatchObject({
      agency: "SOCIAL",
      personId: w.person.id,
      title: "Ansökan om boende",
      responsibleId: colleague.id,
      status: "PLANNED",
      version: 1,
    });
    expect(saved.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([[null, "PLANNED"]]);
    expect(
      await db.auditEvent.count({
        where: { action: "CREATE", entityType: "PlanMeasure", entityId: saved.id, personId: w.person.id },
      }),
    ).toBe(1);
  });

  it("refuses a responsible of another agency or site, with the error on the field and the input kept", async () => {
    for (const responsibleId of [w.users.POLICE.id, w.otherActor.id, UNKNOWN_ID]) {
      expect(
        await add()({ planId: plan.id, title: "Behåll texten", responsibleId, dueOn: typedDate(5) }),
      ).toMatchObject({
        status: "error",
        fieldErrors: { responsibleId: "unknownResponsible" },
        values: { title: "Behåll texten" },
      });
    }
    expect(await add()({ planId: plan.id, title: "", dueOn: "" })).toMatchObject({
      fieldErrors: { title: "required", dueOn: "required" },
    });
    expect(await db.planMeasure.count()).toBe(0);
  });

  it("updates its measure (reword, reassign, reschedule) and changes its status with a dated history", async () => {
    const m = await measureOf("SOCIAL");
    const colleague = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    expect(
      await edit()({
        measureId: m.id,
        version: "1",
        title: "Ny rubrik",
        responsibleId: colleague.id,
        dueOn: typedDate(20),
      }),
    ).toEqual({ status: "success" });
    expect(await db.planMeasure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      title: "Ny rubrik",
      description: null,
      responsibleId: colleague.id,
      dueOn: midnight(20),
      version: 2,
    });

    const started = new Date(Date.now() - 2 * DAY);
    const finished = new Date(Date.now() - DAY);
    expect(await changeStatus("SOCIAL", started)({ measureId: m.id, version: "2", toStatus: "IN_PROGRESS" })).toEqual({
      status: "success",
    });
    expect(
      await changeStatus(
        "SOCIAL",
        finished,
      )({
        measureId: m.id,
        version: "3",
        toStatus: "DONE",
        comment: "Kontrakt skrivet.",
      }),
    ).toEqual({ status: "success" });
    const { measure } = await getPlanMeasure({ actor: w.actors.SOCIAL, measureId: m.id });
    expect(measure).toMatchObject({ status: "DONE", statusChangedAt: finished, isOpen: false, isOverdue: false });
    expect(measure.history.map((h) => [h.fromStatus, h.toStatus, h.changedAt, h.comment])).toEqual([
      ["IN_PROGRESS", "DONE", finished, "Kontrakt skrivet."],
      ["PLANNED", "IN_PROGRESS", started, null],
      [null, "PLANNED", m.createdAt, null],
    ]);
    // The same status again is a mistake, said next to the field.
    expect(await changeStatus()({ measureId: m.id, version: "4", toStatus: "DONE" })).toMatchObject({
      fieldErrors: { toStatus: "sameMeasureStatus" },
    });
    expect(await db.auditEvent.count({ where: { action: "UPDATE", entityType: "PlanMeasure", entityId: m.id } })).toBe(
      3,
    );
  });

  it("answers a stale version with the conflict message, keeping what was typed and changing nothing", async () => {
    const m = await measureOf("SOCIAL");
    await changeStatus()({ measureId: m.id, version: "1", toStatus: "IN_PROGRESS" });
    expect(
      await changeStatus()({ measureId: m.id, version: "1", toStatus: "DROPPED", comment: "Behåll" }),
    ).toMatchObject({ formError: "conflict", values: { comment: "Behåll" } });
    expect(await edit()({ measureId: m.id, version: "1", title: "Gammal version", dueOn: typedDate(3) })).toMatchObject(
      { formError: "conflict", values: { title: "Gammal version" } },
    );
    const after = await db.planMeasure.findUniqueOrThrow({ where: { id: m.id }, include: { history: true } });
    expect(after).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(after.history).toHaveLength(2);

    const update = submitWith(ZUpdatePlan, (input) => updatePlan({ actor: w.actors.POLICE, input }));
    expect(await update({ planId: plan.id, version: "1", goals: "Först" })).toEqual({ status: "success" });
    expect(await update({ planId: plan.id, version: "1", goals: "Sen" })).toMatchObject({
      formError: "conflict",
      values: { goals: "Sen" },
    });
    expect(await db.individualPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      goals: "Först",
      updatedById: w.users.POLICE.id,
      version: 2,
    });
  });
});

describe("another agency's measures", () => {
  let social: { id: string };
  beforeEach(async () => {
    social = await measureOf("SOCIAL");
  });

  it("are not seen without consent: not on the plan, not on their own page, nothing disclosed", async () => {
    expect(await seenIds("SOCIAL")).toEqual([social.id]);
    for (const who of ["POLICE", "PROBATION"] as const) {
      expect(await seenIds(who)).toEqual([]);
      await expect(getPlanMeasure({ actor: w.actors[who], measureId: social.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await listDueMeasuresForPerson(w.actors[who], w.person.id)).toEqual([]);
    }
    expect(await db.disclosure.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "DISCLOSE" } })).toBe(0);
  });

  it("a consent covering PLAN_MEASURE, confirmed by the owner, shows them as a logged disclosure", async () => {
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    expect(await seenIds("PROBATION")).toEqual([social.id]);
    expect(await seenIds("POLICE")).toEqual([]); // the consent does not name the police
    const disclosure = await db.disclosure.findFirstOrThrow({ where: { actorId: w.users.PROBATION.id } });
    expect(disclosure).toMatchObject({
      personId: w.person.id,
      fromAgency: "SOCIAL",
      toAgency: "PROBATION",
      legalBasis: "CONSENT",
      consentId: consent.id,
      entityType: "PlanMeasure",
      entityId: social.id,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "DISCLOSE", actorId: w.users.PROBATION.id, personId: w.person.id },
    });
    expect(event.metadata).toMatchObject({
      toAgency: "PROBATION",
      shown: [{ fromAgency: "SOCIAL", entityType: "PlanMeasure", entityIds: [social.id] }],
    });

    // Its own page shows the history's steps but not the owner's comments, and offers no forms.
    await db.planMeasureStatusChange.updateMany({ where: { measureId: social.id }, data: { comment: "INTERNT" } });
    const detail = await getPlanMeasure({ actor: w.actors.PROBATION, measureId: social.id });
    expect(detail.isOwn).toBe(false);
    expect(detail.responsibles).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain("INTERNT");
    expect(await db.disclosure.count({ where: { actorId: w.users.PROBATION.id } })).toBe(2);
  });

  it("cannot be changed by the other agency even under consent: not found, nothing written", async () => {
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION", "POLICE"]);
    const before = await db.planMeasure.findUniqueOrThrow({ where: { id: social.id }, include: { history: true } });
    const audits = await db.auditEvent.count({ where: { action: { in: ["CREATE", "UPDATE"] } } });
    for (const who of ["POLICE", "PROBATION"] as const) {
      await expect(
        editPlanMeasure({
          actor: w.actors[who],
          input: ZEditPlanMeasure.parse({ measureId: social.id, version: "1", title: "Kapat", dueOn: typedDate(2) }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        changePlanMeasureStatus({
          actor: w.actors[who],
          input: ZChangePlanMeasureStatus.parse({ measureId: social.id, version: "1", toStatus: "DROPPED" }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.planMeasure.findUniqueOrThrow({ where: { id: social.id }, include: { history: true } })).toEqual(
      before,
    );
    expect(await db.auditEvent.count({ where: { action: { in: ["CREATE", "UPDATE"] } } })).toBe(audits);
  });

  it("closes at once when the consent is withdrawn", async () => {
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    expect(await seenIds("PROBATION")).toEqual([social.id]);
    await withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: consent.version } });
    expect(await seenIds("PROBATION")).toEqual([]);
    await expect(getPlanMeasure({ actor: w.actors.PROBATION, measureId: social.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("the plan's header", () => {
  it("is started and edited by any of the three agencies, once per person", async () => {
    await assignAll(w, w.secondPerson.id);
    const create = (who: Who) => submitWith(ZCreatePlan, (input) => createPlan({ actor: w.actors[who], input }));
    expect(
      await create("PROBATION")({ personId: w.secondPerson.id, goals: "Gemensamma mål", reviewOn: typedDate(60) }),
    ).toEqual({ status: "success" });
    expect(await create("POLICE")({ personId: w.secondPerson.id, goals: "Igen" })).toMatchObject({
      formError: "planExists",
    });
    expect(await create("SOCIAL")({ personId: w.secondPerson.id, goals: "" })).toMatchObject({
      fieldErrors: { goals: "required" },
    });
    const saved = await db.individualPlan.findUniqueOrThrow({ where: { personId: w.secondPerson.id } });
    expect(saved).toMatchObject({ goals: "Gemensamma mål", reviewOn: midnight(60), createdById: w.users.PROBATION.id });
    await db.individualPlan.update({ where: { id: plan.id }, data: { reviewOn: midnight(-1) } });
    const view = await getPlan({ actor: w.actors.POLICE, personId: w.person.id });
    expect(view.plan).toMatchObject({ goals: "Bryta med gruppen och komma i arbete.", isReviewOverdue: true });
    expect(view.can).toEqual({ editPlan: true, addMeasure: true });
  });

  it("is not there for a manager, an administrator or another site: like a plan that does not exist", async () => {
    await measureOf("SOCIAL");
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      await expect(getPlan({ actor, personId: w.person.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updatePlan({ actor, input: ZUpdatePlan.parse({ planId: plan.id, version: "1", goals: "Ändrat" }) }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        addPlanMeasure({
          actor,
          input: ZAddPlanMeasure.parse({ planId: plan.id, title: "Nej", dueOn: typedDate(1) }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN]) {
      await expect(listDueMeasuresForUser(actor)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await listDueMeasuresForUser(w.otherActor)).toEqual([]);
    expect(await db.individualPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ version: 1 });
  });
});

describe("what is due", () => {
  it("lists the actor's open measures due within a week or overdue, as of `now`", async () => {
    const overdue = await measureOf("SOCIAL", -3);
    const soon = await measureOf("SOCIAL", 7);
    await measureOf("SOCIAL", 8); // not yet
    await measureOf("SOCIAL", -10, { status: "DONE" });
    await measureOf("SOCIAL", -10, { status: "DROPPED" });
    const colleague = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    await measureOf("SOCIAL", 1, { responsibleId: colleague.id }); // someone else's
    await measureOf("PROBATION", 1); // another agency's

    const due = await listDueMeasuresForUser(w.actors.SOCIAL, new Date());
    expect(due.map((d) => [d.id, d.isOverdue])).toEqual([
      [overdue.id, true],
      [soon.id, false],
    ]);
    expect(await countDueMeasuresForUser(w.actors.SOCIAL, new Date())).toEqual({ due: 2, overdue: 1 });
    // A fortnight on, the week-ahead window has moved: everything open of the actor's is overdue or due.
    expect(await countDueMeasuresForUser(w.actors.SOCIAL, new Date(Date.now() + 14 * DAY))).toEqual({
      due: 3,
      overdue: 3,
    });
    // Ten days back, only the one due in three days' time lay within the week ahead; eleven, none.
    expect(
      (await listDueMeasuresForUser(w.actors.SOCIAL, new Date(Date.now() - 10 * DAY))).map((d) => [d.id, d.isOverdue]),
    ).toEqual([[overdue.id, false]]);
    expect(await listDueMeasuresForUser(w.actors.SOCIAL, new Date(Date.now() - 11 * DAY))).toEqual([]);
  });

  it("lists a person's due measures for a meeting's agenda: the actor's agency's, and others' only under consent", async () => {
    const own = await measureOf("PROBATION", 2);
    const social = await measureOf("SOCIAL", -1);
    await measureOf("SOCIAL", 30);
    expect((await listDueMeasuresForPerson(w.actors.PROBATION, w.person.id)).map((d) => d.id)).toEqual([own.id]);
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    const agenda = await listDueMeasuresForPerson(w.actors.PROBATION, w.person.id);
    expect(agenda.map((d) => [d.id, d.agency, d.isOverdue])).toEqual([
      [social.id, "SOCIAL", true],
      [own.id, "PROBATION", false],
    ]);
    expect(await db.disclosure.count({ where: { entityId: social.id, toAgency: "PROBATION" } })).toBe(1);
    expect(await db.disclosure.count({ where: { entityId: own.id } })).toBe(0);
  });
});

describe("the person's rights and retention", () => {
  it("puts the plan, every agency's measures and their history into the register extract", async () => {
    const m = await measureOf("PROBATION", 5);
    await changeStatus("PROBATION")({ measureId: m.id, version: "1", toStatus: "IN_PROGRESS", comment: "Påbörjad." });
    const load = (key: string) =>
      SECTIONS.find((s) => s.key === key)!.load(db as unknown as Tx, { siteId: w.site.id, personId: w.person.id });
    expect(await load("individualPlan")).toEqual([
      expect.objectContaining({ goals: "Bryta med gruppen och komma i arbete." }),
    ]);
    expect(await load("planMeasures")).toEqual([
      expect.objectContaining({
        agency: "PROBATION",
        title: "PROBATION-ÅTGÄRD",
        description: "Beskrivning: fritext",
        responsible: w.users.PROBATION.name,
        dueOn: typedDate(5),
        status: "IN_PROGRESS",
      }),
    ]);
    expect((await load("planMeasureStatusChanges")).map((c) => [c.fromStatus, c.toStatus, c.comment])).toEqual([
      [null, "PLANNED", null],
      ["PLANNED", "IN_PROGRESS", "Påbörjad."],
    ]);
  });

  it("anonymising the person clears the goals, the measures' wording and the comments; dates and statuses stay", async () => {
    const m = await measureOf("SOCIAL", 5);
    await changeStatus()({ measureId: m.id, version: "1", toStatus: "DONE", comment: "Klart: fritext" });
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: new Date(Date.now() - 2000 * DAY) } });
    const cleared = await db.$transaction((tx) =>
      anonymiseInTx(tx, { personId: w.person.id, cutoff: new Date(Date.now() - 1000 * DAY), now: new Date() }),
    );
    expect(cleared).toMatchObject({ plans: 1, planMeasures: 1, planComments: 1 });
    const texts = JSON.stringify(
      await Promise.all([
        db.individualPlan.findMany(),
        db.planMeasure.findMany(),
        db.planMeasureStatusChange.findMany(),
      ]),
    );
    for (const text of ["Bryta med gruppen", "SOCIAL-ÅTGÄRD", "fritext"]) expect(texts).not.toContain(text);
    expect(await db.planMeasure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      agency: "SOCIAL",
      status: "DONE",
      dueOn: midnight(5),
    });
  });
});
