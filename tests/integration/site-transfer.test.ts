import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { DuplicateIdentityNumberError, PossibleDuplicateError } from "@/lib/people/mutations";
import { SECTIONS } from "@/lib/register-extract/sections";
import { anonymiseInTx } from "@/lib/retention/mutations";
import {
  acceptFileTransfer,
  cancelFileTransfer,
  declineFileTransfer,
  requestFileTransfer,
} from "@/lib/transfers/mutations";
import { getIncomingTransfer, getPersonTransferState, listIncomingTransfers } from "@/lib/transfers/queries";
import {
  ZAcceptFileTransfer,
  ZCancelFileTransfer,
  ZDeclineFileTransfer,
  ZRequestFileTransfer,
} from "@/lib/transfers/schemas";
import { requirePersonAccess } from "@/lib/caseload-gate";
import { withdrawConsent } from "@/lib/consent/mutations";
import { logFollowUp } from "@/lib/followups/mutations";
import { ZLogFollowUp } from "@/lib/followups/schemas";
import {
  createConsent,
  createPerson,
  createPlan,
  createPlanMeasure,
  createReferral,
  createSite,
  createUser,
} from "@/prisma/factories";
import {
  activityCounts,
  assignAll,
  makeWorld,
  recordsOfEveryKind,
  ROLES,
  submitWith,
  typedDate,
  type World,
} from "./fixtures";

/*
 * Moving a file with the person (issue 16, docs/decisions/016): the sending site's social services
 * send it under the person's consent; the receiving site's run their duplicate check and take it
 * over in one transaction; only social services' own records and the profile are carried; the
 * sending record closes and says where the file went; both sites audit it; a third site sees
 * nothing.
 */

let w: World;
let receiver: Actor;
let receivingPolice: Actor;
let third: Actor;
let records: Awaited<ReturnType<typeof recordsOfEveryKind>>;

beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  records = await recordsOfEveryKind(w);
  receiver = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "SOCIAL" }));
  receivingPolice = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "POLICE" }));
  const thirdSite = await createSite(db, { name: "Göteborg (test)" });
  third = actorOf(await createUser(db, { siteId: thirdSite.id, role: "SOCIAL" }));
});

/** The form's schema, then the domain function, as the server action runs them; its result returned. */
class Refused extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("refused by the schema");
  }
}
function via<S extends z.ZodType, R>(schema: S, run: (input: z.output<S>) => Promise<R>) {
  return async (fields: Record<string, string | number | undefined>): Promise<R> => {
    const raw = Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new Refused(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
    return run(parsed.data);
  };
}

const request = (actor: () => Actor = () => w.actors.SOCIAL) =>
  via(ZRequestFileTransfer, (input) => requestFileTransfer({ actor: actor(), input }));
const accept = (actor: () => Actor = () => receiver) =>
  via(ZAcceptFileTransfer, (input) => acceptFileTransfer({ actor: actor(), input }));
const decline = (actor: () => Actor = () => receiver) =>
  via(ZDeclineFileTransfer, (input) => declineFileTransfer({ actor: actor(), input }));
const cancel = (actor: () => Actor = () => w.actors.SOCIAL) =>
  via(ZCancelFileTransfer, (input) => cancelFileTransfer({ actor: actor(), input }));

const everything = { carriesPlan: "on", carriesReferrals: "on", carriesSupportMeasures: "on" };

async function send(fields: Record<string, string> = everything) {
  const { id } = await request()({
    personId: w.person.id,
    toSiteId: w.otherSite.id,
    consentReference: "SOC 2026/0042",
    consentGivenOn: typedDate(-2),
    ...fields,
  });
  return db.fileTransfer.findUniqueOrThrow({ where: { id } });
}

/** The individual plan with one measure of social services' and one of the police's. */
async function planWithMeasures() {
  const plan = await createPlan(db, {
    siteId: w.site.id,
    personId: w.person.id,
    createdById: w.users.SOCIAL.id,
    goals: "Mål: eget boende",
  });
  const social = await createPlanMeasure(db, {
    siteId: w.site.id,
    planId: plan.id,
    personId: w.person.id,
    agency: "SOCIAL",
    createdById: w.users.SOCIAL.id,
    title: "Socialtjänstens åtgärd",
  });
  const police = await createPlanMeasure(db, {
    siteId: w.site.id,
    planId: plan.id,
    personId: w.person.id,
    agency: "POLICE",
    createdById: w.users.POLICE.id,
    title: "Polisens åtgärd",
  });
  return { plan, social, police };
}

const expectNotFound = async (run: () => Promise<unknown>) => expect(run()).rejects.toBeInstanceOf(NotFoundError);

describe("sending a file", () => {
  it("is social services' alone: the police, probation, managers and administrators cannot start one", async () => {
    for (const role of ["POLICE", "PROBATION", "MANAGER", "ADMIN"] as Role[]) {
      const before = await activityCounts();
      // Through the form, as the page posts it: "not found", nothing written.
      const state = await submitWith(ZRequestFileTransfer, (input) =>
        requestFileTransfer({ actor: w.actors[role], input }),
      )({ personId: w.person.id, toSiteId: w.otherSite.id, consentReference: "X", consentGivenOn: typedDate(-1) });
      expect(state, role).toMatchObject({ status: "error", formError: "notFound" });
      expect(await activityCounts(), role).toEqual(before);
    }
    expect(await db.fileTransfer.count()).toBe(0);
  });

  it("records the consent and what it carries, once at a time, to another site only; audited at the sending site", async () => {
    const t = await send({ carriesReferrals: "on" });
    expect(t).toMatchObject({
      siteId: w.site.id,
      toSiteId: w.otherSite.id,
      status: "REQUESTED",
      consentReference: "SOC 2026/0042",
      carriesPlan: false,
      carriesReferrals: true,
      carriesSupportMeasures: false,
      createdById: w.users.SOCIAL.id,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "FileTransfer", entityId: t.id } });
    expect(event).toMatchObject({ siteId: w.site.id, personId: w.person.id, action: "CREATE" });
    await expect(send()).rejects.toMatchObject({ key: "transferOpen" });
    await assignAll(w, w.secondPerson.id);
    await expect(
      request()({
        personId: w.secondPerson.id,
        toSiteId: w.site.id,
        consentReference: "X",
        consentGivenOn: typedDate(-1),
      }),
    ).rejects.toMatchObject({ key: "unknownSite" });
  });

  it("needs the referrals for their support measures", async () => {
    await expect(send({ carriesSupportMeasures: "on" })).rejects.toMatchObject({
      fieldErrors: { carriesReferrals: "measuresNeedReferrals" },
    });
  });

  it("can be withdrawn by the sending site before an answer, and then not accepted", async () => {
    const t = await send();
    await cancel()({ transferId: t.id, version: t.version });
    expect((await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("CANCELLED");
    await expectNotFound(() => cancel(() => receiver)({ transferId: t.id, version: t.version + 1 }));
    await expect(accept()({ transferId: t.id, version: t.version + 1, mode: "new" })).rejects.toBeInstanceOf(RuleError);
    expect(await listIncomingTransfers({ actor: receiver })).toEqual([]);
  });
});

describe("the receiving site", () => {
  it("lists what was sent to it with the minimum to decide, audited with the sending record and the transfer", async () => {
    const t = await send();
    const list = await listIncomingTransfers({ actor: receiver });
    expect(list).toEqual([
      {
        id: t.id,
        sentAt: t.createdAt,
        fromSite: "Malmö (test)",
        name: "Testa Testsson",
        birthYear: w.person.birthDate!.getUTCFullYear(),
        maskedIdentityNumber: `${w.person.identityNumber!.slice(0, 8)}-XXXX`,
      },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: receiver.id, entityType: "IncomingFileTransfers" },
    });
    expect(event).toMatchObject({ siteId: w.otherSite.id, personId: w.person.id, entityId: t.id });
    // Nothing else of the sending file leaves it: no referral, note or town in what the list returns.
    expect(JSON.stringify(list)).not.toMatch(/fritext|Skyddad ort|NOT/);
  });

  it("is the only other site that sees it: its police, and a third site's social services, see nothing", async () => {
    const t = await send();
    await expectNotFound(() => listIncomingTransfers({ actor: receivingPolice }));
    await expectNotFound(() => getIncomingTransfer({ actor: receivingPolice, transferId: t.id }));
    expect(await listIncomingTransfers({ actor: third })).toEqual([]);
    await expectNotFound(() => getIncomingTransfer({ actor: third, transferId: t.id }));
    await expectNotFound(() => accept(() => third)({ transferId: t.id, version: t.version, mode: "new" }));
    await expectNotFound(() => decline(() => third)({ transferId: t.id, version: t.version }));
    // Nor does the sending site's social secretary answer its own request as if received.
    await expectNotFound(() => accept(() => w.actors.SOCIAL)({ transferId: t.id, version: t.version, mode: "new" }));
    expect((await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("REQUESTED");
  });

  it("can decline; the sending record stays open and both sites log the answer", async () => {
    const t = await send();
    await decline()({ transferId: t.id, version: t.version, note: "Personen bor inte här." });
    const after = await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } });
    expect(after).toMatchObject({ status: "DECLINED", decidedById: receiver.id, receivedPersonId: null });
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).transferredAt).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { entityType: "FileTransfer", entityId: t.id, actorId: receiver.id },
    });
    expect(events.map((e) => e.siteId).sort()).toEqual([w.site.id, w.otherSite.id].sort());
  });
});

describe("taking a file over", () => {
  it("copies exactly what the consent covers of social services' own records, never notes, enforcement or other agencies' records", async () => {
    const { social } = await planWithMeasures();
    const t = await send();
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new" });

    const received = await db.person.findUniqueOrThrow({ where: { id: personId } });
    expect(received).toMatchObject({
      siteId: w.otherSite.id,
      firstName: "Testa",
      lastName: "Testsson",
      identityNumber: w.person.identityNumber,
      createdById: receiver.id,
    });
    const ofReceived = { personId };
    const referrals = await db.referral.findMany({ where: ofReceived, include: { history: true } });
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({
      siteId: w.otherSite.id,
      status: records.referral.status,
      source: records.referral.source,
      notificationId: null,
      createdById: receiver.id,
    });
    expect(referrals[0]!.id).not.toBe(records.referral.id);
    expect(referrals[0]!.history.map((h) => [h.toStatus, h.comment])).toEqual([["REFERRED", null]]);
    const measures = await db.supportMeasure.findMany({ where: ofReceived });
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ siteId: w.otherSite.id, referralId: referrals[0]!.id, type: "RELOCATION" });
    const plan = await db.individualPlan.findFirstOrThrow({ where: ofReceived, include: { measures: true } });
    expect(plan).toMatchObject({ siteId: w.otherSite.id, goals: "Mål: eget boende" });
    expect(plan.measures.map((m) => [m.agency, m.title, m.responsibleId])).toEqual([
      ["SOCIAL", social.title, receiver.id],
    ]);
    // Never another agency's information: follow-ups, enforcement, notes, notifications, memberships.
    for (const count of [
      db.followUp.count({ where: ofReceived }),
      db.enforcementAction.count({ where: ofReceived }),
      db.internalNote.count({ where: { siteId: w.otherSite.id } }),
      db.customNotification.count({ where: ofReceived }),
      db.membership.count({ where: ofReceived }),
      db.consent.count({ where: ofReceived }),
    ])
      expect(await count).toBe(0);
    // The accepting social secretary handles the person now.
    expect(await db.assignment.count({ where: { personId, userId: receiver.id, endedAt: null } })).toBe(1);

    const after = await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", receivedPersonId: personId, decidedById: receiver.id });
    expect(after.carried).toMatchObject({
      person: "created",
      planId: plan.id,
      referralIds: [referrals[0]!.id],
      supportMeasureIds: [measures[0]!.id],
    });
  });

  it("carries only the profile when the consent covers nothing more", async () => {
    await planWithMeasures();
    const t = await send({});
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new" });
    expect(await db.referral.count({ where: { personId } })).toBe(0);
    expect(await db.supportMeasure.count({ where: { personId } })).toBe(0);
    expect(await db.individualPlan.count({ where: { personId } })).toBe(0);
  });

  it("closes the sending record: where the file went, nobody coordinating it, no second transfer", async () => {
    const t = await send();
    await accept()({ transferId: t.id, version: t.version, mode: "new" });
    const sending = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(sending.transferredToSiteId).toBe(w.otherSite.id);
    expect(sending.transferredAt).not.toBeNull();
    expect(await db.assignment.count({ where: { personId: w.person.id, endedAt: null } })).toBe(0);
    // The sending records themselves stay, as they were: the sending site's own history.
    expect(await db.referral.count({ where: { personId: w.person.id } })).toBe(1);
    await expect(send()).rejects.toBeDefined();
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      await db.assignment.create({
        data: {
          siteId: w.site.id,
          personId: w.person.id,
          userId: w.users[role].id,
          agency: role,
          createdById: w.users[role].id,
        },
      });
      const state = await getPersonTransferState({ actor: w.actors[role], personId: w.person.id });
      expect(state.closed, role).toEqual({ at: sending.transferredAt, destination: "Örebro (test)" });
    }
  });

  it("takes no new work on the closed record, but its consent can still be withdrawn", async () => {
    const consent = await createConsent(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.SOCIAL.id,
      recordedByAgency: "SOCIAL",
    });
    const t = await send();
    await accept()({ transferId: t.id, version: t.version, mode: "new" });
    // Nobody coordinates the closed record: the probation officer says why before opening it.
    await requirePersonAccess({
      actor: w.actors.PROBATION,
      personId: w.person.id,
      reason: { code: "JOINT_PLANNING" },
    });
    const before = await db.followUp.count({ where: { personId: w.person.id } });
    await expect(
      logFollowUp({
        actor: w.actors.PROBATION,
        input: ZLogFollowUp.parse({ personId: w.person.id, dueOn: typedDate(7) }),
      }),
    ).rejects.toMatchObject({ key: "fileTransferredAway" });
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(before);
    expect(await db.auditEvent.count({ where: { entityType: "FollowUp", personId: w.person.id } })).toBe(0);
    // The person's own right stays: withdrawing their consent at the sending site.
    await requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
    await withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: 1 } });
    expect((await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).not.toBeNull();
  });

  it("shows a protected person's destination to the sending site's social services only", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: { hasProtectedIdentity: true, protectedTown: "Skyddad ort", protectedAddress: "Gatan 1" },
    });
    const t = await send();
    const police = await getPersonTransferState({ actor: w.actors.POLICE, personId: w.person.id });
    expect(police.history).toEqual([]);
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new" });
    for (const role of ["POLICE", "PROBATION", "SOCIAL"] as const) {
      await db.assignment.create({
        data: {
          siteId: w.site.id,
          personId: w.person.id,
          userId: w.users[role].id,
          agency: role,
          createdById: w.users[role].id,
        },
      });
    }
    const social = await getPersonTransferState({ actor: w.actors.SOCIAL, personId: w.person.id });
    expect(social.closed?.destination).toBe("Örebro (test)");
    expect(social.history[0]).toMatchObject({ status: "ACCEPTED", toSite: "Örebro (test)" });
    for (const role of ["POLICE", "PROBATION"] as const) {
      const state = await getPersonTransferState({ actor: w.actors[role], personId: w.person.id });
      expect(state.closed?.destination, role).toBeNull();
      expect(JSON.stringify(state), role).not.toContain("Örebro");
    }
    // The protection moves with the file: the receiving handler sees the town, nobody else there.
    expect(await db.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({
      hasProtectedIdentity: true,
      protectedTown: "Skyddad ort",
    });
  });

  it("audits it at both sites", async () => {
    const t = await send();
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new" });
    const events = await db.auditEvent.findMany({
      where: { entityType: "FileTransfer", entityId: t.id },
      orderBy: { id: "asc" },
    });
    const sendingSide = events.filter((e) => e.siteId === w.site.id);
    const receivingSide = events.filter((e) => e.siteId === w.otherSite.id);
    expect(sendingSide.map((e) => [e.action, e.personId, e.actorId])).toEqual([
      ["CREATE", w.person.id, w.users.SOCIAL.id],
      ["UPDATE", w.person.id, receiver.id],
    ]);
    expect(receivingSide.filter((e) => e.action === "CREATE").map((e) => e.personId)).toEqual([personId]);
    expect(receivingSide.at(-1)?.metadata).toMatchObject({
      direction: "in",
      fromSiteId: w.site.id,
      sendingPersonId: w.person.id,
      referrals: 1,
      supportMeasures: 1,
    });
  });

  it("is one transaction: a failure part-way leaves nothing half-moved", async () => {
    await planWithMeasures();
    // The receiving site already has the person, in the programme: a second open referral is refused.
    const existing = await createPerson(db, {
      siteId: w.otherSite.id,
      createdById: receiver.id,
      firstName: "Testa",
      lastName: "Testsson",
      identityNumber: w.person.identityNumber,
    });
    await db.assignment.create({
      data: {
        siteId: w.otherSite.id,
        personId: existing.id,
        userId: receiver.id,
        agency: "SOCIAL",
        createdById: receiver.id,
      },
    });
    await createReferral(db, {
      siteId: w.otherSite.id,
      personId: existing.id,
      source: "SELF",
      referredAt: new Date("2026-05-01T10:00:00Z"),
      createdById: receiver.id,
    });
    const t = await send();
    const before = await activityCounts();
    const auditsBefore = await db.auditEvent.count();
    await expect(
      accept()({ transferId: t.id, version: t.version, mode: "link", linkPersonId: existing.id }),
    ).rejects.toMatchObject({ key: "openReferralExists" });
    expect(await activityCounts()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditsBefore);
    expect(await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: "REQUESTED",
      receivedPersonId: null,
      version: t.version,
    });
    expect(await db.individualPlan.count({ where: { personId: existing.id } })).toBe(0);
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).transferredAt).toBeNull();
    expect(await db.assignment.count({ where: { personId: w.person.id, endedAt: null } })).toBe(3);
  });

  it("refuses a stale answer: accepted once, never twice", async () => {
    const t = await send({});
    await accept()({ transferId: t.id, version: t.version, mode: "new" });
    await expect(accept()({ transferId: t.id, version: t.version, mode: "new" })).rejects.toBeDefined();
    expect(await db.person.count({ where: { siteId: w.otherSite.id, firstName: "Testa" } })).toBe(1);
  });
});

describe("the receiving site's duplicate check", () => {
  it("finds the person the site already has by personnummer, refuses a second record, and links", async () => {
    const existing = await createPerson(db, {
      siteId: w.otherSite.id,
      createdById: receiver.id,
      firstName: "Testa",
      lastName: "Testsson",
      identityNumber: w.person.identityNumber,
    });
    await db.assignment.create({
      data: {
        siteId: w.otherSite.id,
        personId: existing.id,
        userId: receiver.id,
        agency: "SOCIAL",
        createdById: receiver.id,
      },
    });
    const t = await send({ carriesReferrals: "on" });
    const detail = await getIncomingTransfer({ actor: receiver, transferId: t.id });
    expect(detail.duplicates).toEqual({
      matches: [{ id: existing.id, name: "Testa Testsson" }],
      numberTaken: true,
      numberHolderHidden: false,
    });
    await expect(accept()({ transferId: t.id, version: t.version, mode: "new" })).rejects.toBeInstanceOf(
      DuplicateIdentityNumberError,
    );
    await expect(
      accept()({ transferId: t.id, version: t.version, mode: "link", linkPersonId: w.otherPerson.id }),
    ).rejects.toMatchObject({ key: "transferLinkNotMatch" });
    const { personId } = await accept()({
      transferId: t.id,
      version: t.version,
      mode: "link",
      linkPersonId: existing.id,
    });
    expect(personId).toBe(existing.id);
    expect(await db.person.count({ where: { siteId: w.otherSite.id, identityNumber: w.person.identityNumber } })).toBe(
      1,
    );
    expect(await db.referral.count({ where: { personId: existing.id } })).toBe(1);
    expect((await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } })).carried).toMatchObject({
      person: "linked",
    });
  });

  it("asks before a new record when someone has the same name and birth date", async () => {
    await createPerson(db, {
      siteId: w.otherSite.id,
      createdById: receiver.id,
      firstName: "testa",
      lastName: "TESTSSON",
      identityNumber: null,
      birthDate: w.person.birthDate,
    });
    const t = await send({});
    await expect(accept()({ transferId: t.id, version: t.version, mode: "new" })).rejects.toBeInstanceOf(
      PossibleDuplicateError,
    );
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new", confirmDuplicate: "on" });
    expect((await db.person.findUniqueOrThrow({ where: { id: personId } })).siteId).toBe(w.otherSite.id);
  });
});

describe("the register extract and retention", () => {
  const section = SECTIONS.find((s) => s.key === "fileTransfers")!;

  it("shows the transfer in the extract at both sites", async () => {
    const t = await send();
    const { personId } = await accept()({ transferId: t.id, version: t.version, mode: "new" });
    const row = {
      fromSite: "Malmö (test)",
      toSite: "Örebro (test)",
      transferStatus: "ACCEPTED",
      consentReference: "SOC 2026/0042",
      carriesPlan: true,
      carriesReferrals: true,
      carriesSupportMeasures: true,
    };
    const sending = await section.load(db, { siteId: w.site.id, personId: w.person.id });
    const receiving = await section.load(db, { siteId: w.otherSite.id, personId });
    expect(sending).toEqual([expect.objectContaining(row)]);
    expect(receiving).toEqual([expect.objectContaining(row)]);
    // Not at a third site, nor for another person.
    expect(await section.load(db, { siteId: third.siteId, personId })).toEqual([]);
    expect(await section.load(db, { siteId: w.site.id, personId: w.secondPerson.id })).toEqual([]);
  });

  it("anonymises transfers with the person: the consent's reference goes, an unanswered one is withdrawn", async () => {
    const t = await send();
    await db.$transaction((tx) =>
      anonymiseInTx(tx, { personId: w.person.id, cutoff: new Date(Date.now() + 86_400_000), now: new Date() }),
    );
    expect(await db.fileTransfer.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: "CANCELLED",
      consentReference: "",
    });
    expect(await listIncomingTransfers({ actor: receiver })).toEqual([]);
  });
});

it("every role of the matrix: only social services send, and only the receiving site's social services answer", async () => {
  const t = await send({});
  for (const role of ROLES) {
    const actor = w.actors[role];
    const allowedToSend = role === "SOCIAL";
    expect(
      await getPersonTransferState({ actor, personId: w.person.id }).then(
        (s) => s.can.cancel,
        () => false,
      ),
      role,
    ).toBe(allowedToSend);
    if (role === "SOCIAL") expect(await listIncomingTransfers({ actor })).toEqual([]);
    else await expect(listIncomingTransfers({ actor }), role).rejects.toBeInstanceOf(NotFoundError);
  }
  for (const role of ["POLICE", "PROBATION", "MANAGER", "ADMIN"] as Role[]) {
    const other = actorOf(await createUser(db, { siteId: w.otherSite.id, role }));
    await expectNotFound(() => getIncomingTransfer({ actor: other, transferId: t.id }));
    await expectNotFound(() => accept(() => other)({ transferId: t.id, version: t.version, mode: "new" }));
    await expectNotFound(() => decline(() => other)({ transferId: t.id, version: t.version }));
  }
  expect(await getIncomingTransfer({ actor: receiver, transferId: t.id })).toMatchObject({ id: t.id });
});
