import { beforeEach, describe, expect, it } from "vitest";
import type { Agency } from "@/lib/generated/prisma/enums";
import { requirePersonAccess } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import { getPersonFile } from "@/lib/people/queries";
import type { TimelineEntry } from "@/lib/people/timeline";
import {
  createAssignment,
  createCallIn,
  createCallInInvitee,
  createEnforcementAction,
  createFollowUp,
  createGroup,
  createInternalNote,
  createMembership,
  createNotification,
  createReferral,
} from "@/prisma/factories";
import { giveConsent, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // None of them has the person on their caseload: each gives a reason first (the caseload gate,
  // tested in caseload-gate.test.ts), as the file page asks them to.
  for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
    await requirePersonAccess({ actor: w.actors[role], personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
  }
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** One record of every kind about w.person, each with a note of its own agency. */
async function recordEverything() {
  const { site, users, person } = w;
  const notification = await createNotification(db, {
    siteId: site.id,
    personId: person.id,
    createdById: users.POLICE.id,
    createdByAgency: "POLICE",
    occurredAt: new Date("2020-09-15T10:00:00Z"),
  });
  const callIn = await createCallIn(db, {
    siteId: site.id,
    occurredAt: new Date("2019-03-20T17:00:00Z"),
    venue: "Stadshuset",
    createdById: users.SOCIAL.id,
    createdByAgency: "SOCIAL",
  });
  await createCallInInvitee(db, {
    callInId: callIn.id,
    personId: person.id,
    status: "ATTENDED",
    response: "POSITIVE",
    askedForHelp: true,
  });
  const referral = await createReferral(db, {
    siteId: site.id,
    personId: person.id,
    status: "CONTACTED",
    statusChangedAt: new Date("2020-10-05T10:00:00Z"),
    source: "CUSTOM_NOTIFICATION",
    referredAt: new Date("2020-10-01T10:00:00Z"),
    createdById: users.SOCIAL.id,
    history: {
      create: [
        {
          toStatus: "REFERRED",
          changedAt: new Date("2020-10-01T10:00:00Z"),
          changedById: users.SOCIAL.id,
          comment: "SOCIALTJÄNSTENS KOMMENTAR",
        },
        {
          fromStatus: "REFERRED",
          toStatus: "CONTACTED",
          changedAt: new Date("2020-10-05T10:00:00Z"),
          changedById: users.SOCIAL.id,
        },
      ],
    },
  });
  const followUp = await createFollowUp(db, {
    siteId: site.id,
    personId: person.id,
    agency: "PROBATION",
    assignedToId: users.PROBATION.id,
    dueOn: day("2020-09-29"),
    summary: "FRIVÅRDENS SAMMANFATTNING",
  });
  await createInternalNote(db, {
    siteId: site.id,
    agency: "PROBATION",
    followUpId: followUp.id,
    createdById: users.PROBATION.id,
    body: "FRIVÅRDENS NOT",
  });
  const enforcement = await createEnforcementAction(db, {
    siteId: site.id,
    personId: person.id,
    type: "ARREST",
    occurredAt: new Date("2020-09-30T05:00:00Z"),
    description: "POLISENS BESKRIVNING",
    createdById: users.POLICE.id,
  });
  await createInternalNote(db, {
    siteId: site.id,
    agency: "POLICE",
    enforcementActionId: enforcement.id,
    createdById: users.POLICE.id,
    body: "POLISENS ÅTGÄRDSNOT",
  });
  return { notification, callIn, referral, followUp, enforcement };
}

async function consent(agencies: Agency[], withdrawnAt: Date | null = null) {
  return giveConsent(w, w.person.id, agencies, { withdrawnAt, givenOn: day("2020-09-01") });
}

const kinds = (timeline: TimelineEntry[]) => timeline.map((e) => e.kind);

describe("the person's timeline", () => {
  it("shows the police notifications, call-ins and enforcement; referrals only as status with consent; never follow-ups", async () => {
    const r = await recordEverything();
    const without = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    // Newest first: referral step (Oct) · enforcement (30 Sep) · follow-up (29 Sep) · notification (15 Sep) · call-in (2019)
    expect(kinds(without.timeline)).toEqual(["enforcement", "notification", "callIn"]);
    const enforcement = without.timeline[0]!;
    expect(enforcement).toMatchObject({
      recordedBy: { name: w.users.POLICE.name, agency: "POLICE" },
      description: "POLISENS BESKRIVNING",
    });
    expect(enforcement.kind === "enforcement" && enforcement.notes.map((n) => n.body)).toEqual(["POLISENS ÅTGÄRDSNOT"]);
    expect(without.timeline.find((e) => e.kind === "callIn")).toMatchObject({
      callInId: r.callIn.id,
      status: "ATTENDED",
      recordedBy: { agency: "SOCIAL" },
    });
    const text = JSON.stringify(without);
    for (const secret of ["FRIVÅRDENS", "SOCIALTJÄNSTENS KOMMENTAR"]) expect(text).not.toContain(secret);

    await consent(["SOCIAL", "POLICE"]);
    const withConsent = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(kinds(withConsent.timeline)).toEqual(["referralStatus", "enforcement", "notification", "callIn"]);
    // Status only: where it stands and when, recorded by social services, no names, no comments.
    expect(withConsent.timeline[0]).toEqual({
      kind: "referralStatus",
      key: `referral:${r.referral.id}`,
      at: new Date("2020-10-05T10:00:00Z"),
      recordedBy: { name: null, agency: "SOCIAL" },
      referralId: r.referral.id,
      status: "CONTACTED",
      referredAt: new Date("2020-10-01T10:00:00Z"),
      closedAt: null,
    });
    expect(JSON.stringify(withConsent)).not.toContain("SOCIALTJÄNSTENS KOMMENTAR");
    expect(withConsent.can).toMatchObject({
      logEnforcement: true,
      logFollowUp: false,
      refer: false,
      openReferral: false,
    });
  });

  it("logs each record of another agency shown under consent as a disclosure with the consent, and logs nothing without it", async () => {
    const r = await recordEverything();
    await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(await db.disclosure.count()).toBe(0);
    const c = await consent(["SOCIAL", "POLICE", "PROBATION"]);
    await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(
      await db.disclosure.findMany({
        select: {
          fromAgency: true,
          toAgency: true,
          legalBasis: true,
          consentId: true,
          entityType: true,
          entityId: true,
          actorId: true,
        },
      }),
    ).toEqual([
      {
        fromAgency: "SOCIAL",
        toAgency: "POLICE",
        legalBasis: "CONSENT",
        consentId: c.id,
        entityType: "ReferralStatus",
        entityId: r.referral.id,
        actorId: w.users.POLICE.id,
      },
    ]);
    // Social services see their own referral (no disclosure) and probation's follow-up under consent (one).
    await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    const toSocial = await db.disclosure.findMany({ where: { toAgency: "SOCIAL" } });
    expect(toSocial.map((d) => [d.fromAgency, d.entityType, d.entityId])).toEqual([
      ["PROBATION", "FollowUp", r.followUp.id],
    ]);
    // The hash-chained log says so too, once per read.
    expect(await db.auditEvent.count({ where: { action: "DISCLOSE", personId: w.person.id } })).toBe(2);
  });

  it("shows social services every referral step with who took it, and probation's follow-ups only with consent", async () => {
    const r = await recordEverything();
    const without = await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    expect(kinds(without.timeline)).toEqual(["referralStep", "referralStep", "notification", "callIn"]);
    expect(without.timeline[1]).toMatchObject({
      referralId: r.referral.id,
      fromStatus: null,
      toStatus: "REFERRED",
      comment: "SOCIALTJÄNSTENS KOMMENTAR",
      recordedBy: { name: w.users.SOCIAL.name, agency: "SOCIAL" },
    });
    expect(without.can).toMatchObject({ refer: true, openReferral: true, logEnforcement: false, logFollowUp: true });
    expect(JSON.stringify(without)).not.toContain("POLISENS");

    // A withdrawn consent is no consent.
    await consent(["PROBATION", "SOCIAL"], new Date());
    expect(kinds((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).timeline)).not.toContain(
      "followUp",
    );
    await consent(["PROBATION", "SOCIAL"]);
    const withConsent = await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    const followUp = withConsent.timeline.find((e) => e.kind === "followUp");
    expect(followUp).toMatchObject({
      id: r.followUp.id,
      summary: "FRIVÅRDENS SAMMANFATTNING",
      recordedBy: { agency: "PROBATION" },
      notes: [],
    });
  });

  it("shows probation its follow-ups (overdue when not done by the due date) with its notes, and no enforcement", async () => {
    const r = await recordEverything();
    const file = await getPersonFile({
      actor: w.actors.PROBATION,
      personId: w.person.id,
      now: new Date("2020-10-10T12:00:00Z"),
    });
    expect(kinds(file.timeline)).toEqual(["followUp", "notification", "callIn"]);
    expect(file.timeline[0]).toMatchObject({
      id: r.followUp.id,
      isOverdue: true,
      doneAt: null,
      assignedTo: w.users.PROBATION.name,
      notes: [{ agency: "PROBATION", body: "FRIVÅRDENS NOT" }],
    });
    expect(JSON.stringify(file)).not.toContain("POLISENS");
    expect(file.can).toMatchObject({ logFollowUp: true, logEnforcement: false, refer: false });
  });

  it("shows a protected person's town and address only to the social secretary handling them", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: { hasProtectedIdentity: true, protectedTown: "SKYDDAD ORT", protectedAddress: "SKYDDAD ADRESS" },
    });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    const handler = await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    expect(handler.protectedLocation).toEqual({ town: "SKYDDAD ORT", address: "SKYDDAD ADRESS" });
    for (const role of ["POLICE", "PROBATION"] as const) {
      const file = await getPersonFile({ actor: w.actors[role], personId: w.person.id });
      expect(file.hasProtectedIdentity).toBe(true);
      expect(file.protectedLocation).toBeNull();
      expect(JSON.stringify(file)).not.toContain("SKYDDAD");
    }
    await db.assignment.updateMany({ where: { personId: w.person.id }, data: { endedAt: new Date() } });
    expect((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).protectedLocation).toBeNull();
  });

  it("shows the person's groups, current and former, and the active coordinators", async () => {
    const group = await createGroup(db, {
      siteId: w.site.id,
      name: "Hamnligan",
      createdById: w.users.POLICE.id,
      isPrioritized: true,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      validFrom: day("2018-01-01"),
      validTo: day("2019-01-01"),
      confidence: "CONFIRMED",
      reviewDueOn: day("2027-01-01"),
      createdById: w.users.POLICE.id,
    });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
    });
    const file = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(file.memberships).toMatchObject([
      { group: { name: "Hamnligan", isPrioritized: true }, confidence: "CONFIRMED", validTo: day("2019-01-01") },
    ]);
    expect(file.assignments).toEqual([
      { agency: "PROBATION", user: { id: w.users.PROBATION.id, name: w.users.PROBATION.name } },
    ]);
  });
});
