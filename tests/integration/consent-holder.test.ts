import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError } from "@/lib/caseload-gate";
import { COVERAGE, coverageCode, type CoverageItem } from "@/lib/authz/consent-coverage";
import {
  followUpWhere,
  meetingDecisionWhere,
  planMeasureWhere,
  referralWhere,
  supportMeasureWhere,
  type Actor,
} from "@/lib/authz";
import { decideConsentConfirmation, recordConsent, withdrawConsent } from "@/lib/consent/mutations";
import { getConsentOverview, listConsentRequests } from "@/lib/consent/queries";
import { ZDecideConsentConfirmation } from "@/lib/consent/schemas";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import type { Agency, ConsentInfoKind } from "@/lib/generated/prisma/enums";
import { getPersonFile } from "@/lib/people/queries";
import { findReferrals } from "@/lib/referrals/queries";
import { ZFindReferrals } from "@/lib/referrals/schemas";
import {
  createConsent,
  createFollowUp,
  createMeeting,
  createMeetingDecision,
  createPlan,
  createPlanMeasure,
} from "@/prisma/factories";
import { assignAll, makeWorld, recordsOfEveryKind, type World } from "./fixtures";

/*
 * Information held by agency X crosses to another agency only under a consent that X itself
 * recorded or confirmed (OSL 10:1, 12:2; docs/decisions/008). Every agency pair and kind of
 * information that a consent can cover, recorded by each agency, then confirmed, declined and
 * withdrawn, against the real where-builders and the real read paths.
 */

const AGENCIES: Agency[] = ["POLICE", "SOCIAL", "PROBATION"];

let w: World;
let records: Awaited<ReturnType<typeof recordsOfEveryKind>>;
let socialFollowUp: { id: string };
/** A measure of each agency in the person's individual plan. */
let planMeasures: Record<Agency, { id: string }>;
/** A joint decision about the person recorded by each agency, at one meeting. */
let decisions: Record<Agency, { id: string }>;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  records = await recordsOfEveryKind(w);
  socialFollowUp = await createFollowUp(db, {
    siteId: w.site.id,
    personId: w.person.id,
    agency: "SOCIAL",
    assignedToId: w.users.SOCIAL.id,
    dueOn: new Date("2026-04-01"),
  });
  const plan = await createPlan(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
  planMeasures = {} as typeof planMeasures;
  for (const agency of AGENCIES)
    planMeasures[agency] = await createPlanMeasure(db, {
      siteId: w.site.id,
      planId: plan.id,
      personId: w.person.id,
      agency,
      createdById: w.users[agency].id,
    });
  const meeting = await createMeeting(db, {
    siteId: w.site.id,
    createdById: w.users.POLICE.id,
    agendaPersonIds: [w.person.id],
  });
  decisions = {} as Record<Agency, { id: string }>;
  for (const agency of AGENCIES)
    decisions[agency] = await createMeetingDecision(db, {
      siteId: w.site.id,
      meetingId: meeting.id,
      personId: w.person.id,
      recordedByAgency: agency,
      createdById: w.users[agency].id,
    });
});

/**
 * Whether `viewer` sees `item`'s information about the person, through the where-builder that
 * guards it: one check per kind, so a kind added to the coverage list needs its check here.
 */
const SEES: Record<ConsentInfoKind, ((viewer: Agency, item: Pick<CoverageItem, "from">) => Promise<boolean>) | null> = {
  REFERRAL_STATUS: async (viewer) =>
    (await db.referral.count({ where: { AND: [referralWhere(w.actors[viewer]), { id: records.referral.id }] } })) === 1,
  SUPPORT_MEASURE_STATUS: async (viewer) =>
    (await db.supportMeasure.count({
      where: { AND: [supportMeasureWhere(w.actors[viewer]), { id: records.supportMeasure.id }] },
    })) === 1,
  FOLLOW_UP: async (viewer, item) => {
    const followUpId = item.from === "PROBATION" ? records.followUp.id : socialFollowUp.id;
    return (await db.followUp.count({ where: { AND: [followUpWhere(w.actors[viewer]), { id: followUpId }] } })) === 1;
  },
  PLAN_MEASURE: async (viewer, item) =>
    (await db.planMeasure.count({
      where: { AND: [planMeasureWhere(w.actors[viewer]), { id: planMeasures[item.from].id }] },
    })) === 1,
  JOINT_DECISION: async (viewer, item) =>
    (await db.meetingDecision.count({
      where: { AND: [meetingDecisionWhere(w.actors[viewer]), { id: decisions[item.from].id }] },
    })) === 1,
};
const TESTED = COVERAGE.filter((c) => SEES[c.kind]);

async function sees(viewer: Agency, item: Pick<CoverageItem, "from" | "kind">): Promise<boolean> {
  return SEES[item.kind]!(viewer, item);
}

/** Everything that crosses between agencies today, as "FROM:KIND:TO" codes. */
async function openItems(): Promise<string[]> {
  const open: string[] = [];
  for (const item of TESTED) if (await sees(item.to, item)) open.push(coverageCode(item));
  return open;
}

const record = (actor: Actor, coverage: CoverageItem[], documentReference = "SAMTYCKE-1") =>
  recordConsent({
    actor,
    input: {
      personId: w.person.id,
      coverage: coverage.map(coverageCode),
      documentReference,
      givenOn: new Date("2026-01-15"),
      guardianConsent: false,
    },
  });

async function confirmation(consentId: string, agency: Agency) {
  return db.consentConfirmation.findUniqueOrThrow({ where: { consentId_agency: { consentId, agency } } });
}

const decide = (actor: Actor, id: string, version: number, decision: "CONFIRMED" | "DECLINED") =>
  decideConsentConfirmation({
    actor,
    input: ZDecideConsentConfirmation.parse({
      confirmationId: id,
      version: String(version),
      decision,
      checkedDocument: "on",
    }),
  });

describe("a consent recorded by another agency than the one holding the information", () => {
  it("does not let the police open social services' referral by recording a consent themselves (the insider's attempt)", async () => {
    await record(w.actors.POLICE, [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }], "finns inte");
    expect(await sees("POLICE", { from: "SOCIAL", kind: "REFERRAL_STATUS" })).toBe(false);
    const file = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(file.timeline.filter((e) => e.kind === "referralStatus")).toEqual([]);
    expect((await getConsentOverview({ actor: w.actors.POLICE, personId: w.person.id })).shared.referrals).toEqual([]);
    expect((await findReferrals({ actor: w.actors.POLICE, query: ZFindReferrals.parse({}) })).items).toEqual([]);
    expect(await db.disclosure.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "DISCLOSE" } })).toBe(0);
  });

  for (const item of TESTED) {
    for (const recorder of AGENCIES) {
      const code = coverageCode(item);
      if (recorder === item.from) {
        it(`${code}, recorded by ${recorder} (the holder): opens at once, only that, and closes on withdrawal`, async () => {
          const { id } = await record(w.actors[recorder], [item]);
          expect(await openItems()).toEqual([code]);
          expect(
            (await db.consentConfirmation.findMany({ where: { consentId: id } })).map((c) => [c.agency, c.status]),
          ).toEqual([[item.from, "CONFIRMED"]]);
          await withdrawConsent({ actor: w.actors[item.to], input: { consentId: id, version: 1 } });
          expect(await openItems()).toEqual([]);
        });
      } else {
        it(`${code}, recorded by ${recorder}: opens nothing until ${item.from} confirms, which only ${item.from} can; then closes on withdrawal`, async () => {
          const { id } = await record(w.actors[recorder], [item]);
          expect(await openItems()).toEqual([]);
          const request = await confirmation(id, item.from);
          expect(request.status).toBe("REQUESTED");
          // Nobody but the holder answers for the holder: not the recorder, not the receiver, not a third agency.
          for (const other of AGENCIES.filter((a) => a !== item.from)) {
            await expect(decide(w.actors[other], request.id, 1, "CONFIRMED")).rejects.toBeInstanceOf(NotFoundError);
          }
          expect(await openItems()).toEqual([]);
          await decide(w.actors[item.from], request.id, 1, "CONFIRMED");
          expect(await openItems()).toEqual([code]);
          await withdrawConsent({ actor: w.actors[recorder], input: { consentId: id, version: 1 } });
          expect(await openItems()).toEqual([]);
        });
      }
    }
  }

  it("stays closed when the holder declines, and the answer cannot be given twice", async () => {
    const item: CoverageItem = { from: "PROBATION", kind: "FOLLOW_UP", to: "SOCIAL" };
    const { id } = await record(w.actors.SOCIAL, [item]);
    const request = await confirmation(id, "PROBATION");
    await decideConsentConfirmation({
      actor: w.actors.PROBATION,
      input: ZDecideConsentConfirmation.parse({
        confirmationId: request.id,
        version: "1",
        decision: "DECLINED",
        note: "Blanketten saknar frivården.",
      }),
    });
    expect(await openItems()).toEqual([]);
    expect(await confirmation(id, "PROBATION")).toMatchObject({
      status: "DECLINED",
      decidedById: w.users.PROBATION.id,
      note: "Blanketten saknar frivården.",
      version: 2,
    });
    await expect(decide(w.actors.PROBATION, request.id, 2, "CONFIRMED")).rejects.toBeInstanceOf(RuleError);
    expect(await openItems()).toEqual([]);
  });

  it("opens only what it covers: social services' referral status to the police is not its support measures, nor anything to probation", async () => {
    await record(w.actors.SOCIAL, [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }]);
    expect(await openItems()).toEqual(["SOCIAL:REFERRAL_STATUS:POLICE"]);
  });

  it("asks each holder separately: a consent covering both directions of follow-ups opens each holder's part when that holder has confirmed", async () => {
    const { id } = await record(w.actors.POLICE, [
      { from: "SOCIAL", kind: "FOLLOW_UP", to: "PROBATION" },
      { from: "PROBATION", kind: "FOLLOW_UP", to: "SOCIAL" },
    ]);
    expect(await openItems()).toEqual([]);
    await decide(w.actors.SOCIAL, (await confirmation(id, "SOCIAL")).id, 1, "CONFIRMED");
    expect(await openItems()).toEqual(["SOCIAL:FOLLOW_UP:PROBATION"]);
    await decide(w.actors.PROBATION, (await confirmation(id, "PROBATION")).id, 1, "CONFIRMED");
    expect((await openItems()).sort()).toEqual(["PROBATION:FOLLOW_UP:SOCIAL", "SOCIAL:FOLLOW_UP:PROBATION"]);
  });

  it("logs what is shown after the holder confirmed as a disclosure under that consent", async () => {
    const { id } = await record(w.actors.PROBATION, [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "PROBATION" }]);
    await getPersonFile({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(await db.disclosure.count()).toBe(0);
    await decide(w.actors.SOCIAL, (await confirmation(id, "SOCIAL")).id, 1, "CONFIRMED");
    const file = await getPersonFile({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(file.timeline.some((e) => e.kind === "referralStatus")).toBe(true);
    expect(
      await db.disclosure.findMany({ select: { fromAgency: true, toAgency: true, consentId: true, legalBasis: true } }),
    ).toEqual([{ fromAgency: "SOCIAL", toAgency: "PROBATION", consentId: id, legalBasis: "CONSENT" }]);
  });
});

describe("answering a request to confirm", () => {
  it("is audited with the decision, counts as activity, and refuses a stale version", async () => {
    const { id } = await record(w.actors.POLICE, [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }]);
    const request = await confirmation(id, "SOCIAL");
    await db.consentConfirmation.update({ where: { id: request.id }, data: { version: 2 } });
    await expect(decide(w.actors.SOCIAL, request.id, 1, "CONFIRMED")).rejects.toBeInstanceOf(ConflictError);
    expect(await openItems()).toEqual([]);
    await decide(w.actors.SOCIAL, request.id, 2, "CONFIRMED");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "UPDATE", entityType: "ConsentConfirmation" },
    });
    expect(audit).toMatchObject({
      actorId: w.users.SOCIAL.id,
      entityId: request.id,
      personId: w.person.id,
      metadata: { consentId: id, agency: "SOCIAL", decision: "CONFIRMED", access: "caseload" },
    });
  });

  it("needs the signed document checked before confirming (a field error), not before declining", () => {
    const base = { confirmationId: records.referral.id, version: "1" };
    expect(
      ZDecideConsentConfirmation.safeParse({ ...base, decision: "CONFIRMED" }).error?.issues.map((i) => [
        i.path[0],
        i.message,
      ]),
    ).toEqual([["checkedDocument", "checkDocumentFirst"]]);
    expect(ZDecideConsentConfirmation.safeParse({ ...base, decision: "DECLINED" }).success).toBe(true);
    expect(ZDecideConsentConfirmation.safeParse({ ...base, decision: "MAYBE" }).success).toBe(false);
  });

  it("cannot confirm a withdrawn consent", async () => {
    const { id } = await record(w.actors.POLICE, [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }]);
    await withdrawConsent({ actor: w.actors.POLICE, input: { consentId: id, version: 1 } });
    await expect(decide(w.actors.SOCIAL, (await confirmation(id, "SOCIAL")).id, 1, "CONFIRMED")).rejects.toBeInstanceOf(
      RuleError,
    );
    expect(await openItems()).toEqual([]);
  });

  it("is behind the caseload gate, and closed to another site, managers and administrators", async () => {
    const consent = await createConsent(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      recordedByAgency: "POLICE",
      createdById: w.users.POLICE.id,
      coverage: [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }],
    });
    const request = await confirmation(consent.id, "SOCIAL");
    await expect(decide(w.actors.SOCIAL, request.id, 1, "CONFIRMED")).rejects.toBeInstanceOf(AccessReasonRequiredError);
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor])
      await expect(decide(actor, request.id, 1, "CONFIRMED")).rejects.toBeInstanceOf(NotFoundError);
    expect((await confirmation(consent.id, "SOCIAL")).status).toBe("REQUESTED");
  });
});

describe("the start page's list of consents to confirm", () => {
  it("lists the open requests to the actor's own agency only, oldest first, and logs whom it showed", async () => {
    const first = await createConsent(db, {
      siteId: w.site.id,
      personId: w.person.id,
      recordedByAgency: "POLICE",
      createdById: w.users.POLICE.id,
      coverage: [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }],
    });
    await createConsent(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      recordedByAgency: "PROBATION",
      createdById: w.users.PROBATION.id,
      coverage: COVERAGE.filter((c) => c.kind === "FOLLOW_UP"),
    });
    await createConsent(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      recordedByAgency: "POLICE",
      createdById: w.users.POLICE.id,
      withdrawnAt: new Date(),
      coverage: [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }],
    });
    await createConsent(db, {
      siteId: w.otherSite.id,
      personId: w.otherPerson.id,
      recordedByAgency: "POLICE",
      createdById: w.otherActor.id,
      coverage: [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }],
    });

    const social = await listConsentRequests({ actor: w.actors.SOCIAL });
    expect(social?.total).toBe(2);
    expect(social?.items.map((i) => [i.personId, i.recordedByAgency])).toEqual([
      [w.person.id, "POLICE"],
      [w.secondPerson.id, "PROBATION"],
    ]);
    expect((await listConsentRequests({ actor: w.actors.PROBATION }))?.total).toBe(0);
    expect((await listConsentRequests({ actor: w.actors.POLICE }))?.total).toBe(0);
    expect(await listConsentRequests({ actor: w.actors.MANAGER })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "READ", entityType: "ConsentConfirmation", actorId: w.users.SOCIAL.id },
    });
    expect((audit.metadata as { shownPersonIds: string[] }).shownPersonIds.sort()).toEqual(
      [w.person.id, w.secondPerson.id].sort(),
    );

    await decide(w.actors.SOCIAL, (await confirmation(first.id, "SOCIAL")).id, 1, "CONFIRMED");
    expect((await listConsentRequests({ actor: w.actors.SOCIAL }))?.total).toBe(1);
  });
});
