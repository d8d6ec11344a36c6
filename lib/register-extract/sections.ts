import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { formatIdentityNumber } from "@/lib/validation/personnummer";
import { parseAccessReason } from "@/lib/caseload-gate/reasons";
import { aboutPersonSql } from "@/lib/audit-log/about-person";
import type { LabelNamespace } from "@/lib/labels";

/*
 * The register extract (registerutdrag), one section per kind of data held about a person. Each
 * section loads its rows for one person and flattens them to plain values, so the printable page,
 * the JSON file and the CSV file all render any section the same way. A new kind of data is one
 * more entry in SECTIONS (and its title in messages: extract.sections.<key>).
 *
 * Everything is included, of every agency, as the law on access requests expects; what may not be
 * released (OSL: e.g. intelligence, third parties) is for each agency's secrecy review of the draft
 * before it leaves, not for this code to guess.
 */

export type ExtractValue = string | number | boolean | null;
export type ExtractRow = Record<string, ExtractValue>;
export type Subject = { siteId: string; personId: string };
/**
 * How a field holding codes is shown to a person (the page and the CSV; the JSON keeps the codes):
 * a namespace of messages/<locale>/enums.json, a comma-separated list of such codes, or one of the
 * consent's compound values. The same field name can hold codes of different lists in different
 * sections (`status`, `role`, `type`), so each section says which.
 */
export type ExtractLabel = LabelNamespace | { list: LabelNamespace } | "consentCoverage" | "consentConfirmations";
/** `models`: the Prisma models the section reads (tests/unit/register-extract-coverage.test.ts). */
export type ExtractSection = {
  key: string;
  models: readonly string[];
  labels: Readonly<Record<string, ExtractLabel>>;
  load: (tx: Tx, subject: Subject) => Promise<ExtractRow[]>;
};

/** Timestamps as ISO 8601 UTC; calendar dates (@db.Date) as YYYY-MM-DD. */
const ts = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const list = (values: readonly string[]) => values.join(", ");

const ofPerson = ({ siteId, personId }: Subject) => ({ siteId, personId });

/** Notes on the person or on any record of theirs; a call-in's notes are about a meeting of many. */
function notesOf({ siteId, personId }: Subject): Prisma.InternalNoteWhereInput {
  return {
    siteId,
    OR: [
      { personId },
      { notification: { personId } },
      { referral: { personId } },
      { supportMeasure: { personId } },
      { followUp: { personId } },
      { enforcementAction: { personId } },
    ],
  };
}

function noteTarget(n: {
  personId: string | null;
  notificationId: string | null;
  referralId: string | null;
  supportMeasureId: string | null;
  followUpId: string | null;
  enforcementActionId: string | null;
}): string {
  if (n.notificationId) return "CustomNotification";
  if (n.referralId) return "Referral";
  if (n.supportMeasureId) return "SupportMeasure";
  if (n.followUpId) return "FollowUp";
  if (n.enforcementActionId) return "EnforcementAction";
  return "Person";
}

/**
 * Models that refer to a person but are not sections, and why. Every other such model must be read
 * by a section: tests/unit/register-extract-coverage.test.ts reads Prisma's data model and fails
 * on a new model that is in neither list.
 */
export const NOT_IN_EXTRACT: Readonly<Record<string, string>> = {
  // The site the person is registered at: the register itself, not information about them.
  Site: "the register",
  // Only as the official who created a record: officials are not named (CJEU C-579/21).
  User: "officials who created records",
  // The dashboard's summary: the months of the notifications, call-ins and referrals that the
  // extract shows in full, kept only so the figures can be counted quickly.
  ContactMonth: "a summary of records shown in full (notifications, call-ins, referrals)",
};

export const SECTIONS: readonly ExtractSection[] = [
  {
    key: "person",
    models: ["Person"],
    labels: { identityNumberKind: "identityNumberKind", status: "personStatus" },
    load: async (tx, s) => {
      const p = await tx.person.findFirstOrThrow({ where: { siteId: s.siteId, id: s.personId } });
      return [
        {
          firstName: p.firstName,
          lastName: p.lastName,
          identityNumber: p.identityNumber ? formatIdentityNumber(p.identityNumber) : null,
          identityNumberKind: p.identityNumberKind,
          birthDate: day(p.birthDate),
          aliases: list(p.aliases),
          status: p.status,
          statusSince: ts(p.statusSince),
          hasProtectedIdentity: p.hasProtectedIdentity,
          protectedTown: p.protectedTown,
          protectedAddress: p.protectedAddress,
          lastActivityAt: ts(p.lastActivityAt),
          anonymisedAt: ts(p.anonymisedAt),
          createdAt: ts(p.createdAt),
        },
      ];
    },
  },
  {
    key: "memberships",
    models: ["Membership"],
    labels: { role: "membershipRole", confidence: "confidence", sourceAgency: "agencies" },
    load: async (tx, s) =>
      (
        await tx.membership.findMany({
          where: ofPerson(s),
          orderBy: { validFrom: "asc" },
          include: { group: { select: { name: true } } },
        })
      ).map((m) => ({
        group: m.group.name,
        role: m.role,
        confidence: m.confidence,
        sourceAgency: m.sourceAgency,
        validFrom: day(m.validFrom),
        validTo: day(m.validTo),
        reviewDueOn: day(m.reviewDueOn),
        reviewedAt: ts(m.reviewedAt),
      })),
  },
  {
    key: "assignments",
    models: ["Assignment"],
    labels: { agency: "agencies" },
    load: async (tx, s) =>
      (
        await tx.assignment.findMany({
          where: ofPerson(s),
          orderBy: { assignedAt: "asc" },
          include: { user: { select: { name: true } } },
        })
      ).map((a) => ({
        agency: a.agency,
        coordinator: a.user.name,
        assignedAt: ts(a.assignedAt),
        endedAt: ts(a.endedAt),
      })),
  },
  {
    key: "notifications",
    models: ["CustomNotification"],
    labels: {
      placeType: "placeType",
      agencies: { list: "agencies" },
      outcome: "outcome",
      response: "response",
      createdByAgency: "agencies",
    },
    load: async (tx, s) =>
      (
        await tx.customNotification.findMany({
          where: ofPerson(s),
          orderBy: { occurredAt: "asc" },
          include: { round: { select: { name: true } } },
        })
      ).map((n) => ({
        occurredAt: ts(n.occurredAt),
        round: n.round?.name ?? null,
        placeType: n.placeType,
        placeDescription: n.placeDescription,
        agencies: list(n.agencies),
        outcome: n.outcome,
        response: n.response,
        askedForHelpOnSite: n.askedForHelpOnSite,
        nextStep: n.nextStep,
        createdByAgency: n.createdByAgency,
      })),
  },
  {
    key: "roundMemberships",
    models: ["RoundPerson"],
    labels: {},
    load: async (tx, s) =>
      (
        await tx.roundPerson.findMany({
          where: ofPerson(s),
          orderBy: { round: { startsOn: "asc" } },
          include: { round: { select: { name: true, startsOn: true, endsOn: true } } },
        })
      ).map((r) => ({
        round: r.round.name,
        startsOn: day(r.round.startsOn),
        endsOn: day(r.round.endsOn),
        createdAt: ts(r.createdAt),
      })),
  },
  {
    key: "plannedVisits",
    models: ["PlannedVisit"],
    labels: { placeType: "placeType", createdByAgency: "agencies" },
    load: async (tx, s) =>
      (
        await tx.plannedVisit.findMany({
          where: ofPerson(s),
          orderBy: { windowStartsOn: "asc" },
          include: { round: { select: { name: true } } },
        })
      ).map((v) => ({
        windowStartsOn: day(v.windowStartsOn),
        windowEndsOn: day(v.windowEndsOn),
        round: v.round?.name ?? null,
        placeType: v.placeType,
        placeDescription: v.placeDescription,
        doneAt: ts(v.doneAt),
        createdByAgency: v.createdByAgency,
      })),
  },
  {
    key: "warningFlags",
    models: ["WarningFlag"],
    labels: { kind: "warningFlagKinds", agency: "agencies" },
    load: async (tx, s) =>
      (await tx.warningFlag.findMany({ where: ofPerson(s), orderBy: { setOn: "asc" } })).map((f) => ({
        kind: f.kind,
        reason: f.reason,
        agency: f.agency,
        setOn: day(f.setOn),
        endsOn: day(f.endsOn),
        endedAt: ts(f.endedAt),
      })),
  },
  {
    key: "callIns",
    models: ["CallInInvitee", "CallIn"],
    labels: { status: "inviteeStatus", response: "response" },
    load: async (tx, s) =>
      (
        await tx.callInInvitee.findMany({
          where: { personId: s.personId, callIn: { siteId: s.siteId } },
          orderBy: { callIn: { occurredAt: "asc" } },
          include: { callIn: true },
        })
      ).map((i) => ({
        occurredAt: ts(i.callIn.occurredAt),
        venue: i.callIn.venue,
        status: i.status,
        response: i.response,
        askedForHelp: i.askedForHelp,
      })),
  },
  {
    key: "referrals",
    models: ["Referral"],
    labels: { source: "referralSource", status: "referralStatus" },
    load: async (tx, s) =>
      (await tx.referral.findMany({ where: ofPerson(s), orderBy: { referredAt: "asc" } })).map((r) => ({
        referredAt: ts(r.referredAt),
        source: r.source,
        status: r.status,
        statusChangedAt: ts(r.statusChangedAt),
        closedAt: ts(r.closedAt),
      })),
  },
  {
    key: "referralStatusChanges",
    models: ["ReferralStatusChange"],
    labels: { fromStatus: "referralStatus", toStatus: "referralStatus" },
    load: async (tx, s) =>
      (await tx.referralStatusChange.findMany({ where: { referral: ofPerson(s) }, orderBy: { changedAt: "asc" } })).map(
        (c) => ({
          changedAt: ts(c.changedAt),
          fromStatus: c.fromStatus,
          toStatus: c.toStatus,
          comment: c.comment,
        }),
      ),
  },
  {
    key: "supportMeasures",
    models: ["SupportMeasure"],
    labels: { type: "supportMeasureType", status: "supportMeasureStatus" },
    load: async (tx, s) =>
      (await tx.supportMeasure.findMany({ where: ofPerson(s), orderBy: { startsOn: "asc" } })).map((m) => ({
        type: m.type,
        status: m.status,
        startsOn: day(m.startsOn),
        endsOn: day(m.endsOn),
        outcome: m.outcome,
        destinationTown: m.destinationTown,
      })),
  },
  {
    key: "followUps",
    models: ["FollowUp"],
    labels: { agency: "agencies", contactType: "contactType" },
    load: async (tx, s) =>
      (await tx.followUp.findMany({ where: ofPerson(s), orderBy: { dueOn: "asc" } })).map((f) => ({
        agency: f.agency,
        dueOn: day(f.dueOn),
        doneAt: ts(f.doneAt),
        contactType: f.contactType,
        summary: f.summary,
      })),
  },
  {
    key: "individualPlan",
    models: ["IndividualPlan"],
    labels: {},
    load: async (tx, s) =>
      (await tx.individualPlan.findMany({ where: ofPerson(s), orderBy: { createdAt: "asc" } })).map((p) => ({
        goals: p.goals,
        reviewOn: day(p.reviewOn),
        createdAt: ts(p.createdAt),
        updatedAt: ts(p.updatedAt),
      })),
  },
  {
    key: "planMeasures",
    models: ["PlanMeasure"],
    labels: { agency: "agencies", status: "planMeasureStatus" },
    load: async (tx, s) =>
      (
        await tx.planMeasure.findMany({
          where: ofPerson(s),
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
          include: { responsible: { select: { name: true } } },
        })
      ).map((m) => ({
        agency: m.agency,
        title: m.title,
        description: m.description,
        responsible: m.responsible.name,
        dueOn: day(m.dueOn),
        status: m.status,
        statusChangedAt: ts(m.statusChangedAt),
      })),
  },
  {
    key: "planMeasureStatusChanges",
    models: ["PlanMeasureStatusChange"],
    labels: { fromStatus: "planMeasureStatus", toStatus: "planMeasureStatus" },
    load: async (tx, s) =>
      (
        await tx.planMeasureStatusChange.findMany({
          where: { measure: ofPerson(s) },
          orderBy: [{ changedAt: "asc" }, { id: "asc" }],
          include: { measure: { select: { title: true } } },
        })
      ).map((c) => ({
        title: c.measure.title,
        changedAt: ts(c.changedAt),
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        comment: c.comment,
      })),
  },
  {
    key: "enforcementActions",
    models: ["EnforcementAction"],
    labels: { type: "enforcementType" },
    load: async (tx, s) =>
      (await tx.enforcementAction.findMany({ where: ofPerson(s), orderBy: { occurredAt: "asc" } })).map((e) => ({
        occurredAt: ts(e.occurredAt),
        type: e.type,
        description: e.description,
      })),
  },
  {
    key: "incidents",
    models: ["IncidentPerson", "Incident"],
    labels: { type: "incidentType", role: "incidentPersonRole", groupMemberInvolvement: "gmi" },
    load: async (tx, s) =>
      (
        await tx.incidentPerson.findMany({
          where: { personId: s.personId, incident: { siteId: s.siteId } },
          orderBy: { incident: { occurredAt: "asc" } },
          include: { incident: true },
        })
      ).map((l) => ({
        occurredAt: ts(l.incident.occurredAt),
        type: l.incident.type,
        role: l.role,
        district: l.incident.district,
        place: l.incident.place,
        groupMemberInvolvement: l.incident.groupMemberInvolvement,
        description: l.incident.description,
      })),
  },
  {
    key: "consents",
    models: ["Consent", "ConsentCoverage", "ConsentConfirmation"],
    labels: {
      recordedByAgency: "agencies",
      coverage: "consentCoverage",
      confirmations: "consentConfirmations",
    },
    load: async (tx, s) =>
      (
        await tx.consent.findMany({
          where: ofPerson(s),
          orderBy: { givenOn: "asc" },
          include: {
            coverage: { orderBy: [{ fromAgency: "asc" }, { kind: "asc" }, { toAgency: "asc" }] },
            confirmations: { orderBy: { agency: "asc" } },
          },
        })
      ).map((c) => ({
        recordedByAgency: c.recordedByAgency,
        // What it covers, as codes: holding agency, kind of information, receiving agency.
        coverage: list(c.coverage.map((k) => `${k.fromAgency}:${k.kind}:${k.toAgency}`)),
        confirmations: list(
          c.confirmations.map((k) => `${k.agency}:${k.status}${k.decidedAt ? `:${ts(k.decidedAt)}` : ""}`),
        ),
        documentReference: c.documentReference,
        guardianConsent: c.guardianConsent,
        givenOn: day(c.givenOn),
        validUntil: day(c.validUntil),
        withdrawnAt: ts(c.withdrawnAt),
      })),
  },
  {
    key: "disclosures",
    models: ["Disclosure"],
    labels: {
      fromAgency: "agencies",
      toAgency: "agencies",
      legalBasis: "disclosureBasis",
      entityType: "auditEntities",
    },
    load: async (tx, s) =>
      (
        await tx.disclosure.findMany({
          where: ofPerson(s),
          orderBy: { disclosedAt: "asc" },
          include: { consent: { select: { givenOn: true, documentReference: true } } },
        })
      ).map((d) => ({
        disclosedAt: ts(d.disclosedAt),
        fromAgency: d.fromAgency,
        toAgency: d.toAgency,
        legalBasis: d.legalBasis,
        legalBasisDetail: d.legalBasisDetail,
        // The consent it was made under, as the consents section shows it.
        consentGivenOn: day(d.consent?.givenOn ?? null),
        consentDocumentReference: d.consent?.documentReference ?? null,
        entityType: d.entityType,
      })),
  },
  {
    key: "internalNotes",
    models: ["InternalNote"],
    labels: { agency: "agencies", about: "auditEntities" },
    load: async (tx, s) =>
      (await tx.internalNote.findMany({ where: notesOf(s), orderBy: { createdAt: "asc" } })).map((n) => ({
        agency: n.agency,
        about: noteTarget(n),
        createdAt: ts(n.createdAt),
        updatedAt: ts(n.updatedAt),
        body: n.body,
      })),
  },
  {
    // Coordination meetings (issue 15) that had the person on the agenda.
    key: "coordinationMeetings",
    models: ["MeetingAgendaItem", "CoordinationMeeting"],
    labels: { status: "meetingStatus", agencies: { list: "agencies" } },
    load: async (tx, s) =>
      (
        await tx.meetingAgendaItem.findMany({
          where: { personId: s.personId, meeting: { siteId: s.siteId } },
          include: { meeting: true },
          orderBy: [{ meeting: { startsAt: "asc" } }, { id: "asc" }],
        })
      ).map((a) => ({
        meetingAt: ts(a.meeting.startsAt),
        place: a.meeting.place,
        status: a.meeting.status,
        agencies: list(a.meeting.agencies),
      })),
  },
  {
    // Every agency's minutes about the person: the extract is the person's right to all of it.
    key: "meetingMinutes",
    models: ["MeetingMinutes"],
    labels: { agency: "agencies" },
    load: async (tx, s) =>
      (
        await tx.meetingMinutes.findMany({
          where: ofPerson(s),
          include: { meeting: { select: { startsAt: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      ).map((m) => ({
        meetingAt: ts(m.meeting.startsAt),
        agency: m.agency,
        text: m.text,
        createdAt: ts(m.createdAt),
        updatedAt: ts(m.updatedAt),
      })),
  },
  {
    key: "meetingDecisions",
    models: ["MeetingDecision"],
    labels: { recordedByAgency: "agencies" },
    load: async (tx, s) =>
      (
        await tx.meetingDecision.findMany({
          where: ofPerson(s),
          include: { meeting: { select: { startsAt: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      ).map((d) => ({
        meetingAt: ts(d.meeting.startsAt),
        recordedByAgency: d.recordedByAgency,
        text: d.text,
        createdAt: ts(d.createdAt),
      })),
  },
  {
    key: "tasks",
    models: ["Task"],
    labels: { ownerAgency: "agencies", status: "taskStatus" },
    load: async (tx, s) =>
      (await tx.task.findMany({ where: ofPerson(s), orderBy: [{ dueOn: "asc" }, { id: "asc" }] })).map((t) => ({
        title: t.title,
        ownerAgency: t.ownerAgency,
        dueOn: day(t.dueOn),
        status: t.status,
        doneAt: ts(t.doneAt),
      })),
  },
  {
    // The person's earlier access requests and what became of them; the officials are not named.
    key: "extractRequests",
    models: ["RegisterExtractRequest"],
    labels: {
      requester: "extractRequesters",
      identityCheck: "identityChecks",
      requestStatus: "extractRequestStatuses",
    },
    load: async (tx, s) =>
      (
        await tx.registerExtractRequest.findMany({
          where: ofPerson(s),
          orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
        })
      ).map((r) => ({
        reference: r.reference,
        receivedOn: day(r.receivedOn),
        requester: r.requester,
        requesterName: r.requesterName,
        identityCheck: r.identityCheck,
        identityCheckNote: r.identityCheckNote,
        requestStatus: r.status,
        registeredAt: ts(r.registeredAt),
        decidedAt: ts(r.decidedAt),
        decisionNote: r.decisionNote,
        producedAt: ts(r.producedAt),
      })),
  },
  {
    // Moving the file with the person (issue 16): sent from this site (the sending record) or
    // received here (the receiving record): from where, to where, when, under which consent and
    // what it carried. Both sites' extracts show the same transfer.
    key: "fileTransfers",
    models: ["FileTransfer"],
    labels: { transferStatus: "fileTransferStatus" },
    load: async (tx, s) =>
      (
        await tx.fileTransfer.findMany({
          where: {
            OR: [
              { siteId: s.siteId, personId: s.personId },
              { toSiteId: s.siteId, receivedPersonId: s.personId },
            ],
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { site: { select: { name: true } }, toSite: { select: { name: true } } },
        })
      ).map((t) => ({
        fromSite: t.site.name,
        toSite: t.toSite.name,
        transferStatus: t.status,
        consentReference: t.consentReference,
        consentGivenOn: day(t.consentGivenOn),
        carriesPlan: t.carriesPlan,
        carriesReferrals: t.carriesReferrals,
        carriesSupportMeasures: t.carriesSupportMeasures,
        sentAt: ts(t.createdAt),
        decidedAt: ts(t.decidedAt),
        declineNote: t.declineNote,
      })),
  },
  {
    // Who has processed the data and why (CJEU C-579/21): dates, agency and purpose; the
    // individual officials are not named (they are not the data subject's data).
    key: "accessLog",
    models: ["AuditEvent"],
    labels: { action: "auditActions", role: "roles", entityType: "auditEntities", purpose: "accessReasons" },
    load: async (tx, s) =>
      // Events naming the person in their metadata too (lists, searches, boards): see aboutPersonSql.
      (
        await tx.$queryRaw<
          {
            occurredAt: Date;
            action: string;
            actorRole: string | null;
            entityType: string | null;
            reason: string | null;
          }[]
        >`
          SELECT "occurredAt", "action"::text AS "action", "actorRole"::text AS "actorRole", "entityType", "reason"
          FROM "AuditEvent"
          WHERE "siteId" = ${s.siteId}::uuid AND ${aboutPersonSql(s.personId)}
          ORDER BY "id"`
      ).map((e) => ({
        occurredAt: ts(e.occurredAt),
        action: e.action,
        role: e.actorRole,
        entityType: e.entityType,
        purpose: e.reason ? parseAccessReason(e.reason).code : null,
      })),
  },
];
