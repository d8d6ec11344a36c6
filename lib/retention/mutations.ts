import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { authorize, personAdministrationWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { coarsenBirthDate, retentionCutoff } from "./rules";
import type { TRetentionDecision, TRetentionMonths } from "./schemas";
import { getRetentionMonths, getRetentionSetting, RETENTION_SETTING } from "./queries";

// Retention decisions (the setting, anonymising, keeping); the rules and why: queries.ts, decision 005.

/**
 * Optimistic locking like every other edit: the save names the version the administrator saw
 * (0: never saved), and a save made meanwhile by someone else wins (ConflictError, the input kept).
 */
export async function setRetentionMonths({ actor, input }: { actor: Actor; input: TRetentionMonths }): Promise<void> {
  authorize(actor, "retention", "update");
  await db.$transaction(async (tx) => {
    const previous = await getRetentionSetting(tx);
    const value = String(input.months);
    const saved =
      input.version === 0
        ? await tx.systemSetting.createMany({ data: [{ key: RETENTION_SETTING, value }], skipDuplicates: true })
        : await tx.systemSetting.updateMany({
            where: { key: RETENTION_SETTING, version: input.version },
            data: { value, version: { increment: 1 } },
          });
    if (saved.count !== 1) throw new ConflictError();
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "SystemSetting",
      entityId: RETENTION_SETTING,
      metadata: { months: input.months, previous: previous.months },
    });
  });
}

type Cleared = Record<string, number>;

/**
 * Removes a due person's identity and free text, in the caller's transaction. Re-checks "due" and
 * (for a reviewer) the version in the same statement that takes the row lock, so an activity or a
 * "keep" that commits first wins. Null when the person is no longer due, gone or already anonymised.
 */
export async function anonymiseInTx(
  tx: Tx,
  { personId, cutoff, now, version }: { personId: string; cutoff: Date; now: Date; version?: number },
): Promise<Cleared | null> {
  const person = await tx.person.findFirst({
    where: { id: personId, anonymisedAt: null },
    select: { birthDate: true },
  });
  if (!person) return null;
  const updated = await tx.person.updateMany({
    where: {
      id: personId,
      anonymisedAt: null,
      lastActivityAt: { lt: cutoff },
      ...(version === undefined ? {} : { version }),
    },
    data: {
      firstName: "",
      lastName: "",
      identityNumber: null,
      identityNumberKind: null,
      birthDate: coarsenBirthDate(person.birthDate),
      aliases: [],
      hasProtectedIdentity: false,
      protectedTown: null,
      protectedAddress: null,
      anonymisedAt: now,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return null;

  // Codes, dates and links stay (counts and trends are computed from them); free text goes.
  const ofPerson = { personId };
  const [
    notifications,
    statusComments,
    supportMeasures,
    followUps,
    enforcementActions,
    consents,
    consentNotes,
    disclosures,
    internalNotes,
    assignments,
    plans,
    planMeasures,
    planComments,
    plannedVisits,
    warningFlags,
    roundMemberships,
    meetingMinutes,
    meetingDecisions,
    tasks,
    agendaItems,
  ] = await Promise.all([
    tx.customNotification.updateMany({ where: ofPerson, data: { placeDescription: null, nextStep: null } }),
    tx.referralStatusChange.updateMany({
      where: { referral: ofPerson, comment: { not: null } },
      data: { comment: null },
    }),
    tx.supportMeasure.updateMany({ where: ofPerson, data: { outcome: null, destinationTown: null } }),
    tx.followUp.updateMany({ where: ofPerson, data: { summary: null } }),
    tx.enforcementAction.updateMany({ where: ofPerson, data: { description: null } }),
    // The consent rows stay as the legal basis of the disclosures made under them.
    tx.consent.updateMany({ where: ofPerson, data: { documentReference: "" } }),
    tx.consentConfirmation.updateMany({ where: { consent: ofPerson, note: { not: null } }, data: { note: null } }),
    tx.disclosure.updateMany({
      where: { ...ofPerson, legalBasisDetail: { not: null } },
      data: { legalBasisDetail: null },
    }),
    tx.internalNote.deleteMany({
      where: {
        OR: [
          ofPerson,
          { notification: ofPerson },
          { referral: ofPerson },
          { supportMeasure: ofPerson },
          { followUp: ofPerson },
          { enforcementAction: ofPerson },
        ],
      },
    }),
    // Nobody coordinates an anonymised person any more.
    tx.assignment.updateMany({ where: { ...ofPerson, endedAt: null }, data: { endedAt: now } }),
    // The individual plan (issue 15): its goals and the measures' wording go; the measures' owner
    // agencies, due dates and statuses stay, as a follow-up's dates do. Emptied, not nulled: the
    // goals and a measure's title are required.
    tx.individualPlan.updateMany({ where: ofPerson, data: { goals: "" } }),
    tx.planMeasure.updateMany({ where: ofPerson, data: { title: "", description: null } }),
    tx.planMeasureStatusChange.updateMany({
      where: { measure: ofPerson, comment: { not: null } },
      data: { comment: null },
    }),
    // A plan keeps its dates and whether it was done (the rounds' figures); its place text goes.
    tx.plannedVisit.updateMany({
      where: { ...ofPerson, placeDescription: { not: null } },
      data: { placeDescription: null },
    }),
    // A warning flag's reason is free text about the person: emptied (the column is required);
    // one still in force is ended, nobody visits an anonymised person.
    tx.warningFlag.updateMany({ where: ofPerson, data: { reason: "", endedAt: now } }),
    // Nobody is to be visited in a round any more: the person leaves the rounds' lists.
    tx.roundPerson.deleteMany({ where: ofPerson }),
    // Coordination meetings (issue 15): each agency's minutes go like its notes; the decisions and
    // tasks stay as codes and dates (who owned what, done or not), their text emptied; the person
    // leaves every agenda (the meeting itself is about many).
    tx.meetingMinutes.deleteMany({ where: ofPerson }),
    tx.meetingDecision.updateMany({ where: { ...ofPerson, text: { not: "" } }, data: { text: "" } }),
    tx.task.updateMany({ where: { ...ofPerson, title: { not: "" } }, data: { title: "" } }),
    tx.meetingAgendaItem.deleteMany({ where: ofPerson }),
  ]);
  // Access requests stay (dates, codes, reference: what was asked and answered); the requester's
  // name and the notes go. Emptied, not nulled: the request's CHECK constraints want them present.
  const extractRequests = await tx.$executeRaw`
    UPDATE "RegisterExtractRequest" SET
      "requesterName" = CASE WHEN "requesterName" IS NULL THEN NULL ELSE '' END,
      "identityCheckNote" = CASE WHEN "identityCheckNote" IS NULL THEN NULL ELSE '' END,
      "decisionNote" = CASE WHEN "decisionNote" IS NULL THEN NULL ELSE '' END,
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "personId" = ${personId}::uuid AND ("requesterName" <> '' OR "identityCheckNote" <> '' OR "decisionNote" <> '')`;
  // File transfers (issue 16): which sites, when and what was carried stay (codes and dates); the
  // consent's reference and a decline note go, on the sending record's transfers and on those that
  // brought the file here. One still waiting for an answer is withdrawn: nobody takes over an
  // anonymised file.
  const [transfersCancelled, transfers] = await Promise.all([
    tx.fileTransfer.updateMany({
      where: { personId, status: "REQUESTED" },
      data: { status: "CANCELLED", version: { increment: 1 } },
    }),
    tx.fileTransfer.updateMany({
      where: { OR: [{ personId }, { receivedPersonId: personId }] },
      data: { consentReference: "", declineNote: null },
    }),
  ]);
  return {
    notifications: notifications.count,
    statusComments: statusComments.count,
    supportMeasures: supportMeasures.count,
    followUps: followUps.count,
    enforcementActions: enforcementActions.count,
    consents: consents.count,
    consentNotes: consentNotes.count,
    disclosures: disclosures.count,
    internalNotesDeleted: internalNotes.count,
    assignmentsEnded: assignments.count,
    plans: plans.count,
    planMeasures: planMeasures.count,
    planComments: planComments.count,
    plannedVisits: plannedVisits.count,
    warningFlags: warningFlags.count,
    roundMembershipsDeleted: roundMemberships.count,
    meetingMinutesDeleted: meetingMinutes.count,
    meetingDecisions: meetingDecisions.count,
    tasks: tasks.count,
    agendaItemsRemoved: agendaItems.count,
    extractRequests,
    fileTransfersCancelled: transfersCancelled.count,
    fileTransfers: transfers.count,
  };
}

/** ADMIN's decision in the review: anonymise a person who is due, as seen (version). */
export async function anonymisePerson({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TRetentionDecision;
  now?: Date;
}): Promise<void> {
  const where = personAdministrationWhere(actor, "retention", "update");
  const months = await getRetentionMonths();
  const cutoff = retentionCutoff(now, months);
  await db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({
      where: { AND: [where, { id: input.personId, anonymisedAt: null }] },
      select: { id: true, version: true, lastActivityAt: true },
    });
    if (!person) throw new NotFoundError("person");
    if (person.version !== input.version) throw new ConflictError();
    if (person.lastActivityAt >= cutoff) throw new RuleError("notDue");
    const cleared = await anonymiseInTx(tx, { personId: person.id, cutoff, now, version: input.version });
    if (!cleared) throw new ConflictError();
    await recordAudit(tx, actor, {
      action: "ANONYMISE",
      entityType: "Person",
      entityId: person.id,
      personId: person.id,
      metadata: { trigger: "review", months, cleared },
    });
  });
}

/**
 * ADMIN's other decision: keep the person for another period. Recorded as activity (the review is
 * one), with the decision in the audit log, so the person leaves the list until due again.
 */
export async function keepPerson({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TRetentionDecision;
  now?: Date;
}): Promise<void> {
  const where: Prisma.PersonWhereInput = {
    AND: [personAdministrationWhere(actor, "retention", "update"), { anonymisedAt: null }],
  };
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.person, {
      where,
      id: input.personId,
      version: input.version,
      data: { lastActivityAt: now },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "Person",
      entityId: input.personId,
      personId: input.personId,
      metadata: { retention: "kept" },
    });
  });
}
