import { beforeEach, describe, expect, it } from "vitest";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { listAuditEvents, listMyActivity } from "@/lib/audit-log/queries";
import { exportAuditEvents } from "@/lib/audit-log/export";
import {
  auditEventWhere,
  authorize,
  callInWhere,
  consentConfirmationWhere,
  consentWhere,
  enforcementWhere,
  followUpWhere,
  groupRelationWhere,
  incidentWhere,
  internalNoteWhere,
  meetingDecisionWhere,
  meetingMinutesWhere,
  meetingWhere,
  notificationWhere,
  personWhere,
  planMeasureWhere,
  planWhere,
  referralWhere,
  supportMeasureWhere,
  taskWhere,
  type Actor,
} from "@/lib/authz";
import { recordAuditNow } from "@/lib/audit";
import { createCallIn, editCallIn } from "@/lib/callins/mutations";
import { findCallIns, getCallIn } from "@/lib/callins/queries";
import { ZCreateCallIn, ZEditCallIn } from "@/lib/callins/schemas";
import { decideConsentConfirmation, recordConsent, withdrawConsent } from "@/lib/consent/mutations";
import { ZDecideConsentConfirmation } from "@/lib/consent/schemas";
import { COVERAGE, coverageCode } from "@/lib/authz/consent-coverage";
import { getConsentOverview } from "@/lib/consent/queries";
import { db, type Tx } from "@/lib/db";
import { recordEnforcementAction } from "@/lib/enforcement/mutations";
import { findEnforcementActions } from "@/lib/enforcement/queries";
import { ZRecordEnforcement } from "@/lib/enforcement/schemas";
import { NotFoundError } from "@/lib/errors";
import { endGroupRelation, recordGroupRelation } from "@/lib/group-relations/mutations";
import { getGroupMap, getGroupRelations } from "@/lib/group-relations/queries";
import { ZEndGroupRelation, ZRecordGroupRelation } from "@/lib/group-relations/schemas";
import { deleteFollowUp, logFollowUp, rescheduleFollowUp } from "@/lib/followups/mutations";
import { getFollowUp, getFollowUpLists } from "@/lib/followups/queries";
import { ZLogFollowUp, ZRescheduleFollowUp } from "@/lib/followups/schemas";
import type { Role } from "@/lib/generated/prisma/enums";
import { createIncident, editIncident } from "@/lib/incidents/mutations";
import { findIncidents, getIncident } from "@/lib/incidents/queries";
import { ZCreateIncident, ZEditIncident, ZFindIncidents } from "@/lib/incidents/schemas";
import { logNotification, updateNotification } from "@/lib/notifications/mutations";
import { getNotificationForEdit } from "@/lib/notifications/queries";
import { ZLogNotification, ZUpdateNotification } from "@/lib/notifications/schemas";
import { findPeople, getPersonFile } from "@/lib/people/queries";
import { addPlanMeasure, createPlan, editPlanMeasure, updatePlan } from "@/lib/plans/mutations";
import { getPlan, getPlanForEdit, getPlanMeasure } from "@/lib/plans/queries";
import { ZAddPlanMeasure, ZCreatePlan, ZEditPlanMeasure, ZUpdatePlan } from "@/lib/plans/schemas";
import { NEXT_STATUSES } from "@/lib/referrals/flow";
import { addSupportMeasure, changeReferralStatus, createReferral, editSupportMeasure } from "@/lib/referrals/mutations";
import { findReferrals, getReferral } from "@/lib/referrals/queries";
import {
  ZAddSupportMeasure,
  ZChangeReferralStatus,
  ZCreateReferral,
  ZEditSupportMeasure,
} from "@/lib/referrals/schemas";
import { getRegisterExtract } from "@/lib/register-extract";
import { decideExtractRequest, produceRegisterExtract, registerExtractRequest } from "@/lib/register-extract/mutations";
import { getExtractRequest, listExtractRequests } from "@/lib/register-extract/queries";
import { ZDecideExtractRequest, ZRegisterExtractRequest } from "@/lib/register-extract/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { completeTask, createMeeting, editMeeting, recordDecision, saveMinutes } from "@/lib/meetings/mutations";
import { findMeetings, getMeeting } from "@/lib/meetings/queries";
import { ZCreateMeeting, ZEditMeeting, ZMeetingList, ZRecordDecision, ZSaveMinutes } from "@/lib/meetings/schemas";
import {
  assignAll,
  giveConsent,
  makeWorld,
  recordsOfEveryKind,
  ROLES,
  typedDate,
  typedDateTime,
  type World,
} from "./fixtures";
import {
  createConsent,
  createFollowUp,
  createMeeting as createMeetingRow,
  createMeetingDecision,
  createMeetingMinutes,
  createPerson,
  createPlan as createPlanRecord,
  createPlanMeasure,
  createGroup,
  createGroupRelation,
  createPledge,
  createRegisterExtractRequest,
  createUser,
} from "@/prisma/factories";
import { canUseArea } from "@/lib/authz/areas";
import { actorOf } from "@/lib/auth";
import { reviewAccount, setReviewSettings } from "@/lib/access-review/mutations";
import { getAccountForReview, listAccountsDue } from "@/lib/access-review/queries";
import { acceptPledge, publishPledge } from "@/lib/pledge/mutations";
import { currentPledge, pledgeOverview } from "@/lib/pledge/queries";
import { saveRoleNeeds } from "@/lib/role-needs/mutations";
import { roleNeedsOverview } from "@/lib/role-needs/queries";
import { svLabels } from "../labels";
import { addRoundPeople, createRound } from "@/lib/rounds/mutations";
import { getRound, listRounds } from "@/lib/rounds/queries";
import { planVisit } from "@/lib/visits/mutations";
import { getPlannedVisit, getVisitWeek } from "@/lib/visits/queries";
import { endWarningFlag, setWarningFlag } from "@/lib/warning-flags/mutations";
import { personWarningFlags } from "@/lib/warning-flags/queries";
import { createNotificationRound, createPlannedVisit, createWarningFlag } from "@/prisma/factories";
import { createAssignment, createFileTransfer, createSite } from "@/prisma/factories";
import {
  acceptFileTransfer,
  cancelFileTransfer,
  declineFileTransfer,
  requestFileTransfer,
} from "@/lib/transfers/mutations";
import { getIncomingTransfer, getPersonTransferState, listIncomingTransfers } from "@/lib/transfers/queries";

/*
 * The authorization matrix (issue 4, "Done means"): each role × each kind of data × read list /
 * read one / create / edit / delete / export, against the real database, without and with the
 * person's consent. The expectations are docs/confidentiality.md's table written out by hand —
 * deliberately not derived from lib/authz/permissions.ts, so that a wrong grant fails here.
 *
 *   Y  allowed          N  denied, or "not found"
 *   C  allowed only while a consent covers that kind of the owning agency's information for the
 *      actor's agency, and the owning agency recorded or confirmed it (docs/decisions/008)
 *
 * Each operation runs the domain function a page or server action calls (findCallIns, getReferral,
 * logFollowUp, editIncident, updateNotification with its internal note, …) and checks what it
 * leaves behind: an allowed read writes an audit event; an allowed write writes its audit event; a
 * denied write answers NotFoundError and changes nothing in the database (every domain table and
 * the audit log are compared before and after); status-only viewers get no free text. Where the
 * app has no function for an operation (deleting a call-in, referral, support measure, enforcement
 * action or incident; exporting any of the activities: there is no such page), the row checks the
 * lib/authz scope that function would have to use, as a real query. The actors are on the
 * person's caseload (assignAll), so the caseload gate is not what is tested here.
 */

const OPS = ["list", "read", "create", "edit", "delete", "export"] as const;
type Op = (typeof OPS)[number];

//                          list read create edit delete export
const NONE = "NNNNNN";
// The national team (issue 16) holds only the national view's counts: every cell below is NONE.
const TABLE = {
  // person profile: the three agencies; managers aggregates only; administrators no case content.
  person: { POLICE: "YYYYYY", SOCIAL: "YYYYYY", PROBATION: "YYYYYY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // custom notifications and call-ins: the joint activity.
  notification: { POLICE: "YYYYYY", SOCIAL: "YYYYYY", PROBATION: "YYYYYY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  callIn: { POLICE: "YYYYYY", SOCIAL: "YYYYYY", PROBATION: "YYYYYY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // referrals and support measures (social services'): status only, with consent, for the others.
  referral: { POLICE: "CCNNNC", SOCIAL: "YYYYYY", PROBATION: "CCNNNC", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  supportMeasure: {
    POLICE: "CCNNNC",
    SOCIAL: "YYYYYY",
    PROBATION: "CCNNNC",
    MANAGER: NONE,
    ADMIN: NONE,
    NATIONAL: NONE,
  },
  // follow-ups, probation's: social services with consent (and record their own); never the police.
  followUp: { POLICE: NONE, SOCIAL: "CCYNNC", PROBATION: "YYYYYY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a follow-up social services recorded: theirs; probation's only with consent (docs/confidentiality.md).
  socialFollowUp: { POLICE: NONE, SOCIAL: "YYYYNY", PROBATION: "CCYNNC", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // enforcement actions: the police's; the others learn only the liberty flag (tested below).
  enforcement: { POLICE: "YYYYYY", SOCIAL: NONE, PROBATION: NONE, MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // incidents: everyone but administrators reads; the police record.
  incident: { POLICE: "YYYYYY", SOCIAL: "YYNNNY", PROBATION: "YYNNNY", MANAGER: "YYNNNY", ADMIN: NONE, NATIONAL: NONE },
  // consent: recorded, read and withdrawn by the agencies; never deleted (it is a disclosure's basis).
  consent: { POLICE: "YYYYNN", SOCIAL: "YYYYNN", PROBATION: "YYYYNN", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a coordination meeting (issue 15): the three agencies' joint work; never deleted.
  meeting: { POLICE: "YYYYNY", SOCIAL: "YYYYNY", PROBATION: "YYYYNY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // the police's minutes about the person at it: theirs alone, consent or not; the others write their own.
  meetingMinutes: {
    POLICE: "YYYYNY",
    SOCIAL: "NNYNNN",
    PROBATION: "NNYNNN",
    MANAGER: NONE,
    ADMIN: NONE,
    NATIONAL: NONE,
  },
  // a joint decision the police recorded: the others with consent; nobody changes or deletes one.
  meetingDecision: {
    POLICE: "YYYNNY",
    SOCIAL: "CCYNNC",
    PROBATION: "CCYNNC",
    MANAGER: NONE,
    ADMIN: NONE,
    NATIONAL: NONE,
  },
  // its task, owned by probation: probation always, and marks it done; the police as its decision;
  // social services with consent.
  task: { POLICE: "YYYNNY", SOCIAL: "CCYNNC", PROBATION: "YYYYNY", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a request that social services confirm a consent the police recorded (its referral's status
  // for the police): every agency sees where it stands and may ask another (create: a consent
  // covering another agency's information); only social services, the holder, answers it (edit).
  consentRequest: {
    POLICE: "YYYNNN",
    SOCIAL: "YYYYNN",
    PROBATION: "YYYNNN",
    MANAGER: NONE,
    ADMIN: NONE,
    NATIONAL: NONE,
  },
  // an audit event of the police user's: their own; ADMIN all; nobody writes or changes one.
  auditEvent: { POLICE: "YYNNNN", SOCIAL: NONE, PROBATION: NONE, MANAGER: NONE, ADMIN: "YYNNNY", NATIONAL: NONE },
  // social services' internal note: theirs alone; the others may write notes of their own.
  internalNote: { POLICE: "NNYNNN", SOCIAL: "YYYYYY", PROBATION: "NNYNNN", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a register extract request (GDPR art. 15): ADMIN registers it and, once approved, produces the
  // extract (export); a manager — someone other than the registrar — approves or rejects it (edit).
  // Never an agency's; nobody deletes one (it is the record of what was asked and answered).
  extractRequest: { POLICE: NONE, SOCIAL: NONE, PROBATION: NONE, MANAGER: "YYNYNN", ADMIN: "YYYNNY", NATIONAL: NONE },
  // the individual plan's header (goals, review date): the three agencies' joint record; never
  // deleted, no export (issue 15).
  plan: { POLICE: "YYYYNN", SOCIAL: "YYYYNN", PROBATION: "YYYYNN", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a measure social services own in the plan: theirs; the others read it with consent, add
  // measures of their own, and never change social services' (consent shows, never changes).
  planMeasure: { POLICE: "CCYNNN", SOCIAL: "YYYYNN", PROBATION: "CCYNNN", MANAGER: NONE, ADMIN: NONE, NATIONAL: NONE },
  // a conflict or alliance between two groups (the group audit): about groups, not people, so the
  // three agencies' like the groups; ended with a date (edit), never deleted: it is history.
  groupRelation: {
    POLICE: "YYYYNY",
    SOCIAL: "YYYYNY",
    PROBATION: "YYYYNY",
    MANAGER: NONE,
    ADMIN: NONE,
    NATIONAL: NONE,
  },
} as const satisfies Record<string, Record<Role, string>>;
type Kind = keyof typeof TABLE;

/** Who sees social services' referrals and support measures as their status only (docs/confidentiality.md). */
const STATUS_ONLY: readonly Role[] = ["POLICE", "PROBATION"];

type Records = Awaited<ReturnType<typeof recordsOfEveryKind>> & {
  socialFollowUp: { id: string };
  consent: { id: string };
  consentRequest: { id: string };
  policeEvent: { id: bigint };
  /** Registered by ADMIN, awaiting a decision; and one already approved, ready to produce. */
  extractRequest: { id: string };
  approvedExtractRequest: { id: string };
  /** The person's individual plan, social services' measure in it, and a person per role without a plan. */
  plan: { id: string };
  planMeasure: { id: string };
  planless: Record<Role, { id: string }>;
  groupRelation: { id: string; groupAId: string };
  meeting: { id: string };
  policeMinutes: { id: string };
  policeDecision: { id: string };
  task: { id: string };
};
/** `label` names the matrix cell being checked, for the messages of the checks inside. */
type Ctx = { w: World; r: Records; label?: string };
type Check = (actor: Actor, ctx: Ctx) => Promise<boolean>;

/** Denied and not found are one answer: false. Anything else unexpected fails the test. */
async function allowed(run: () => Promise<boolean | unknown>): Promise<boolean> {
  try {
    const result = await run();
    return result !== false;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

class Rollback extends Error {
  constructor(readonly count: number) {
    super("rollback");
  }
}

/** A write through the builder's where, in a transaction that is always rolled back. */
async function changed(write: (tx: Tx) => Promise<{ count: number }>): Promise<boolean> {
  return allowed(async () => {
    try {
      await db.$transaction(async (tx) => {
        throw new Rollback((await write(tx)).count);
      });
    } catch (error) {
      if (error instanceof Rollback) return error.count === 1;
      throw error;
    }
  });
}

const touch = { updatedAt: new Date() };
const and = <W>(where: W, id: string) => ({ AND: [where, { id }] }) as unknown as W;

type Delegate<W> = {
  count(args: { where: W }): Promise<number>;
  updateMany(args: { where: W; data: Record<string, unknown> }): Promise<{ count: number }>;
};

/** Read, edit and delete one record through its builder; create is the grant (no function yet). */
function viaBuilder<W extends object>(
  resource: Parameters<typeof authorize>[1],
  where: (actor: Actor, action: "list" | "read" | "create" | "update" | "delete" | "export") => W,
  delegate: (tx: Tx) => Delegate<W>,
  idOf: (ctx: Ctx) => string,
): Record<Op, Check> {
  const sees =
    (action: "list" | "read" | "export"): Check =>
    (actor, ctx) =>
      allowed(
        async () => (await delegate(db as unknown as Tx).count({ where: and(where(actor, action), idOf(ctx)) })) === 1,
      );
  return {
    list: sees("list"),
    read: sees("read"),
    export: sees("export"),
    // Only where no create function is pointed at (see KINDS): the grant.
    create: (actor) => allowed(async () => authorize(actor, resource, "create")),
    edit: (actor, ctx) =>
      changed((tx) => delegate(tx).updateMany({ where: and(where(actor, "update"), idOf(ctx)), data: touch })),
    // The delete scope must find the record (deleting it for real would trip over its dependants,
    // which the future delete function handles; the scope is what decides who may).
    delete: (actor, ctx) =>
      allowed(
        async () =>
          (await delegate(db as unknown as Tx).count({ where: and(where(actor, "delete"), idOf(ctx)) })) === 1,
      ),
  };
}

// ───────────── what a domain function leaves behind ─────────────

/** Every table a domain function of this matrix could write, the audit log included. */
const TABLES = [
  "Person",
  "Assignment",
  "CustomNotification",
  "NotificationParticipant",
  "InternalNote",
  "CallIn",
  "CallInInvitee",
  "CallInSpeaker",
  "Referral",
  "ReferralStatusChange",
  "SupportMeasure",
  "FollowUp",
  "EnforcementAction",
  "Incident",
  "IncidentPerson",
  "IncidentGroup",
  "Consent",
  "ConsentCoverage",
  "ConsentConfirmation",
  "Disclosure",
  "RegisterExtractRequest",
  "GroupRelation",
  "ConfidentialityPledge",
  "PledgeAcceptance",
  "RoleNeedsNote",
  "AccessReview",
  "IndividualPlan",
  "PlanMeasure",
  "PlanMeasureStatusChange",
  "NotificationRound",
  "RoundPerson",
  "PlannedVisit",
  "PlannedVisitMember",
  "WarningFlag",
  "CoordinationMeeting",
  "MeetingParticipant",
  "MeetingAgendaItem",
  "MeetingMinutes",
  "MeetingDecision",
  "Task",
  "User",
  "Site",
  "AuditEvent",
] as const;

/** Row count and a hash of every row's content, per table: "nothing written" is this staying equal. */
async function snapshot(): Promise<Record<string, string>> {
  const columns = TABLES.map(
    (t) =>
      `(SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x) AS "${t}"`,
  );
  const [row] = await db.$queryRawUnsafe<Record<string, string>[]>(`SELECT ${columns.join(", ")}`);
  return row!;
}

const auditsBy = (actor: Actor, writes = false) =>
  db.auditEvent.count({
    where: { actorId: actor.id, ...(writes ? { action: { in: ["CREATE", "UPDATE", "DELETE"] as const } } : {}) },
  });
const label = (actor: Actor, ctx: Ctx) => ctx.label ?? actor.role;

/**
 * A read through a domain function, of the record `idOf` names. Allowed: it found the record and
 * wrote an audit event of the read. Denied (not found, or the record missing from what it
 * returned): no disclosure of that record was recorded either.
 */
function reads(idOf: (ctx: Ctx) => string, find: (actor: Actor, ctx: Ctx) => Promise<boolean>): Check {
  return async (actor, ctx) => {
    const disclosed = () => db.disclosure.count({ where: { actorId: actor.id, entityId: idOf(ctx) } });
    const [audits, disclosures] = await Promise.all([auditsBy(actor), disclosed()]);
    const ok = await allowed(() => find(actor, ctx));
    if (ok) expect.soft(await auditsBy(actor), `${label(actor, ctx)}: the read is audited`).toBeGreaterThan(audits);
    else expect.soft(await disclosed(), `${label(actor, ctx)}: nothing shown, nothing disclosed`).toBe(disclosures);
    return ok;
  };
}

/**
 * A write through a domain function. Allowed: it returned and wrote its audit event in the same
 * transaction (and, where given, `effect` confirms it changed THIS record). Denied: NotFoundError
 * and no row of any table changed, the audit log included.
 */
function writes(
  run: (actor: Actor, ctx: Ctx) => Promise<unknown>,
  effect?: (actor: Actor, ctx: Ctx) => Promise<boolean>,
): Check {
  return async (actor, ctx) => {
    const [before, audits] = await Promise.all([snapshot(), auditsBy(actor, true)]);
    let ok = await allowed(async () => {
      await run(actor, ctx);
      return true;
    });
    if (ok) {
      expect.soft(await auditsBy(actor, true), `${label(actor, ctx)}: the write is audited`).toBeGreaterThan(audits);
      if (effect) ok = await effect(actor, ctx);
    } else {
      expect.soft(await snapshot(), `${label(actor, ctx)}: denied, nothing written`).toEqual(before);
    }
    return ok;
  };
}

/** Any of several pages showing the record counts as seeing it; each one not found is just "no". */
async function anyOf(...finds: (() => Promise<boolean>)[]): Promise<boolean> {
  for (const find of finds) if (await allowed(find)) return true;
  return false;
}

/** Keys that carry free text or content: never in what a status-only viewer receives. */
const CONTENT_KEYS = [
  "comment",
  "note",
  "notes",
  "internalNote",
  "outcome",
  "destination",
  "destinationTown",
  "history",
  "type",
  "source",
  "description",
  "summary",
];
const FREE_TEXT = ["fritext", "Skyddad ort", "SOCIALTJÄNSTENS NOT"];

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

function expectStatusOnly(value: unknown, what: string) {
  expect
    .soft(
      keysOf(value).filter((k) => CONTENT_KEYS.includes(k)),
      `${what}: status only`,
    )
    .toEqual([]);
  const json = JSON.stringify(value);
  for (const text of FREE_TEXT) expect.soft(json, `${what}: no free text`).not.toContain(text);
}

const isStatusOnlyViewer = (actor: Actor) => (STATUS_ONLY as readonly string[]).includes(actor.role);

/** The person's file as its page shows it (the caseload gate passes: the actors are assigned). */
const personFile = (actor: Actor, { w }: Ctx) => getPersonFile({ actor, personId: w.person.id });
const onFile = (kind: string, id: string) => async (actor: Actor, ctx: Ctx) =>
  (await personFile(actor, ctx)).timeline.some((e) => e.kind === kind && "id" in e && e.id === id);

const ids = {
  callIn: ({ r }: Ctx) => r.callIn.id,
  referral: ({ r }: Ctx) => r.referral.id,
  supportMeasure: ({ r }: Ctx) => r.supportMeasure.id,
  enforcement: ({ r }: Ctx) => r.enforcement.id,
  incident: ({ r }: Ctx) => r.incident.id,
  socialNote: ({ r }: Ctx) => r.socialNote.id,
  extractRequest: ({ r }: Ctx) => r.extractRequest.id,
};

const fresh = {
  callIn: (id: string) => db.callIn.findUniqueOrThrow({ where: { id } }),
  referral: (id: string) => db.referral.findUniqueOrThrow({ where: { id } }),
  measure: (id: string) => db.supportMeasure.findUniqueOrThrow({ where: { id } }),
  followUp: (id: string) => db.followUp.findUnique({ where: { id } }),
  incident: (id: string) => db.incident.findUniqueOrThrow({ where: { id } }),
  notification: (id: string) =>
    db.customNotification.findUniqueOrThrow({ where: { id }, include: { participants: true } }),
};

/** A date-time as a datetime-local field posts it. */
const typed = toStockholmInputValue;

// ───────────── follow-ups: one recorded by probation, one by social services ─────────────

function followUpOps(idOf: (ctx: Ctx) => string): Record<Op, Check> {
  return {
    ...viaBuilder("followUp", followUpWhere, (tx) => tx.followUp, idOf),
    // The officer's own lists, or (another agency's, with consent) the person's file.
    list: reads(idOf, (actor, ctx) =>
      anyOf(
        async () =>
          (await getFollowUpLists({ actor, query: { view: "overdue", page: 1 } })).page.items.some(
            (f) => f.id === idOf(ctx),
          ),
        async () =>
          (await getFollowUpLists({ actor, query: { view: "team", page: 1 } })).page.items.some(
            (f) => f.id === idOf(ctx),
          ),
        () => onFile("followUp", idOf(ctx))(actor, ctx),
      ),
    ),
    read: reads(
      idOf,
      async (actor, ctx) => (await getFollowUp({ actor, followUpId: idOf(ctx) })).followUp.id === idOf(ctx),
    ),
    // Creating a follow-up at all: it is always the actor's own agency's.
    create: writes(
      (actor, { w }) =>
        logFollowUp({
          actor,
          input: ZLogFollowUp.parse({ personId: w.person.id, dueOn: typedDate(14), summary: "Ny uppföljning" }),
        }),
      async (actor) =>
        (await db.followUp.findFirstOrThrow({ where: { createdById: actor.id }, orderBy: { createdAt: "desc" } }))
          .agency === actor.agency,
    ),
    edit: writes(async (actor, ctx) => {
      const current = await fresh.followUp(idOf(ctx));
      return rescheduleFollowUp({
        actor,
        input: ZRescheduleFollowUp.parse({
          followUpId: idOf(ctx),
          version: String(current?.version ?? 1),
          dueOn: typedDate(30),
        }),
      });
    }),
    delete: writes(async (actor, ctx) => {
      const current = await fresh.followUp(idOf(ctx));
      return deleteFollowUp({ actor, input: { followUpId: idOf(ctx), version: current?.version ?? 1 } });
    }),
  };
}

const SOCIAL_NOTE = "SOCIALTJÄNSTENS NOT";

/** The notification edit as its form posts it, with the actor's own agency's internal note. */
async function editNotification(actor: Actor, notificationId: string, internalNote: string | undefined) {
  const n = await fresh.notification(notificationId);
  const input = ZUpdateNotification.parse({
    notificationId,
    version: String(n.version),
    occurredAt: typed(n.occurredAt),
    placeType: n.placeType,
    agencies: n.agencies,
    participantIds: n.participants.map((p) => p.userId),
    outcome: n.outcome,
    response: n.response ?? undefined,
    nextStep: n.nextStep ?? undefined,
    internalNote,
  });
  return updateNotification({ actor, input });
}

const socialNote = ({ r }: Ctx) => db.internalNote.findUnique({ where: { id: r.socialNote.id } });

// ───────────── the individual plan (issue 15) ─────────────

const planOps: Record<Op, Check> = {
  // No delete (a plan is kept, its measures dropped) and no export: the scopes.
  ...viaBuilder(
    "plan",
    planWhere,
    (tx) => tx.individualPlan,
    ({ r }) => r.plan.id,
  ),
  list: reads(
    ({ r }) => r.plan.id,
    async (actor, { w, r }) => (await getPlan({ actor, personId: w.person.id })).plan?.id === r.plan.id,
  ),
  read: reads(
    ({ r }) => r.plan.id,
    async (actor, { w, r }) => (await getPlanForEdit({ actor, personId: w.person.id })).plan?.id === r.plan.id,
  ),
  // One plan per person: each role starts one for a person of its own who has none.
  create: writes((actor, { r }) =>
    createPlan({
      actor,
      input: ZCreatePlan.parse({ personId: r.planless[actor.role].id, goals: "Mål", reviewOn: typedDate(30) }),
    }),
  ),
  edit: writes(async (actor, { r }) => {
    const { version } = await db.individualPlan.findUniqueOrThrow({ where: { id: r.plan.id } });
    return updatePlan({
      actor,
      input: ZUpdatePlan.parse({ planId: r.plan.id, version: String(version), goals: `Mål av ${actor.role}` }),
    });
  }),
};

const planMeasureOps: Record<Op, Check> = {
  // No delete (a measure is dropped, not deleted) and no export: the scopes.
  ...viaBuilder(
    "planMeasure",
    planMeasureWhere,
    (tx) => tx.planMeasure,
    ({ r }) => r.planMeasure.id,
  ),
  list: reads(
    ({ r }) => r.planMeasure.id,
    async (actor, { w, r }) =>
      (await getPlan({ actor, personId: w.person.id })).groups.some((g) =>
        g.measures.some((m) => m.id === r.planMeasure.id),
      ),
  ),
  read: reads(
    ({ r }) => r.planMeasure.id,
    async (actor, { r }) =>
      (await getPlanMeasure({ actor, measureId: r.planMeasure.id })).measure.id === r.planMeasure.id,
  ),
  // Adding a measure at all: it is always the actor's own agency's.
  create: writes(
    (actor, { r }) =>
      addPlanMeasure({
        actor,
        input: ZAddPlanMeasure.parse({ planId: r.plan.id, title: "Ny åtgärd", dueOn: typedDate(14) }),
      }),
    async (actor) =>
      (await db.planMeasure.findFirstOrThrow({ where: { createdById: actor.id }, orderBy: { createdAt: "desc" } }))
        .agency === actor.agency,
  ),
  edit: writes(async (actor, { r }) => {
    const { version } = await db.planMeasure.findUniqueOrThrow({ where: { id: r.planMeasure.id } });
    return editPlanMeasure({
      actor,
      input: ZEditPlanMeasure.parse({
        measureId: r.planMeasure.id,
        version: String(version),
        title: "Omformulerad",
        dueOn: typedDate(21),
      }),
    });
  }),
};

const KINDS: Record<Kind, Record<Op, Check>> = {
  plan: planOps,
  planMeasure: planMeasureOps,
  person: {
    ...viaBuilder(
      "person",
      personWhere,
      (tx) => tx.person,
      ({ w }) => w.person.id,
    ),
    list: (actor, { w }) =>
      allowed(async () =>
        (await findPeople({ actor, query: { q: "Testa", page: 1 } })).items.some((p) => p.id === w.person.id),
      ),
    read: (actor, { w }) =>
      allowed(async () => (await getPersonFile({ actor, personId: w.person.id })).id === w.person.id),
  },
  notification: {
    ...viaBuilder(
      "notification",
      notificationWhere,
      (tx) => tx.customNotification,
      ({ r }) => r.notification.id,
    ),
    create: (actor, { w }) =>
      allowed(() =>
        logNotification({
          actor,
          input: {
            personId: w.person.id,
            occurredAt: new Date(),
            placeType: "HOME",
            placeDescription: undefined,
            agencies: ["POLICE"],
            participantIds: [],
            outcome: "ATTEMPTED",
            response: undefined,
            askedForHelpOnSite: false,
            nextStep: undefined,
            internalNote: undefined,
          },
        }),
      ),
  },
  callIn: {
    // No delete function and no export of call-ins in the app: the scopes they would use.
    ...viaBuilder(
      "callIn",
      callInWhere,
      (tx) => tx.callIn,
      ({ r }) => r.callIn.id,
    ),
    list: reads(ids.callIn, async (actor, { r }) =>
      (await findCallIns({ actor, query: { q: "", period: "all", page: 1 } })).items.some((c) => c.id === r.callIn.id),
    ),
    read: reads(
      ids.callIn,
      async (actor, { r }) => (await getCallIn({ actor, callInId: r.callIn.id })).id === r.callIn.id,
    ),
    create: writes((actor) =>
      createCallIn({
        actor,
        input: ZCreateCallIn.parse({
          occurredAt: typedDateTime(7),
          venue: "Stadshuset",
          communitySpeakers: "Mamma mot våld",
        }),
      }),
    ),
    edit: writes(async (actor, { w, r }) => {
      const c = await fresh.callIn(r.callIn.id);
      const input = ZEditCallIn.parse({
        callInId: c.id,
        version: String(c.version),
        occurredAt: typed(c.occurredAt),
        venue: "Rådhuset, sal 2",
        attendee: [w.person.id],
        [`status_${w.person.id}`]: "ATTENDED",
        [`response_${w.person.id}`]: "POSITIVE",
        [`help_${w.person.id}`]: "on",
      });
      return editCallIn({ actor, input });
    }),
  },
  referral: {
    // No delete function (a referral is closed, not deleted) and no export: the scopes.
    ...viaBuilder(
      "referral",
      referralWhere,
      (tx) => tx.referral,
      ({ r }) => r.referral.id,
    ),
    list: reads(ids.referral, async (actor, { r }) => {
      const page = await findReferrals({ actor, query: { q: "", page: 1 } });
      // A list shows status only, to everyone: the board never carries the referral's content.
      expectStatusOnly(page.items, `${actor.role} referral list`);
      return page.items.some((c) => c.id === r.referral.id);
    }),
    read: reads(ids.referral, async (actor, { r }) => {
      const detail = await getReferral({ actor, referralId: r.referral.id });
      expect
        .soft(detail.kind, `${actor.role} sees a referral as ${isStatusOnlyViewer(actor) ? "status only" : "a whole"}`)
        .toBe(isStatusOnlyViewer(actor) ? "statusOnly" : "full");
      if (isStatusOnlyViewer(actor)) expectStatusOnly(detail, `${actor.role} referral`);
      return detail.referral.id === r.referral.id;
    }),
    // For the second person, who has no open referral (one at a time).
    create: writes((actor, { w }) =>
      createReferral({
        actor,
        input: ZCreateReferral.parse({
          personId: w.secondPerson.id,
          source: "SELF",
          referredAt: typedDateTime(-1),
          comment: "Kommentar",
        }),
      }),
    ),
    edit: writes(async (actor, { r }) => {
      const current = await fresh.referral(r.referral.id);
      const input = ZChangeReferralStatus.parse({
        referralId: current.id,
        version: String(current.version),
        toStatus: NEXT_STATUSES[current.status][0],
        changedAt: typedDateTime(0),
        comment: "Kontakt tagen",
      });
      return changeReferralStatus({ actor, input });
    }),
  },
  supportMeasure: {
    // No delete function and no export of support measures: the scopes.
    ...viaBuilder(
      "supportMeasure",
      supportMeasureWhere,
      (tx) => tx.supportMeasure,
      ({ r }) => r.supportMeasure.id,
    ),
    // A referral's page is where its measures are listed and read.
    list: reads(ids.supportMeasure, async (actor, { r }) =>
      (await getReferral({ actor, referralId: r.referral.id })).measures.some((m) => m.id === r.supportMeasure.id),
    ),
    read: reads(ids.supportMeasure, async (actor, { r }) => {
      const detail = await getReferral({ actor, referralId: r.referral.id });
      const measure = detail.measures.find((m) => m.id === r.supportMeasure.id);
      if (measure && isStatusOnlyViewer(actor)) expectStatusOnly(measure, `${actor.role} support measure`);
      if (measure && !isStatusOnlyViewer(actor)) expect.soft(measure).toHaveProperty("outcome", "Utfall: fritext");
      return measure !== undefined;
    }),
    create: writes((actor, { r }) =>
      addSupportMeasure({
        actor,
        input: ZAddSupportMeasure.parse({
          referralId: r.referral.id,
          type: "HOUSING",
          status: "PLANNED",
          startsOn: typedDate(10),
          outcome: "Planerat boende",
        }),
      }),
    ),
    edit: writes(async (actor, { r }) => {
      const m = await fresh.measure(r.supportMeasure.id);
      const input = ZEditSupportMeasure.parse({
        measureId: m.id,
        version: String(m.version),
        type: m.type,
        status: "ONGOING",
        startsOn: typedDate(-30),
        outcome: "Pågår",
      });
      return editSupportMeasure({ actor, input });
    }),
  },
  followUp: followUpOps(({ r }) => r.followUp.id),
  socialFollowUp: followUpOps(({ r }) => r.socialFollowUp.id),
  enforcement: {
    // No edit or delete function (an action is recorded once) and no export: the scopes.
    ...viaBuilder(
      "enforcement",
      enforcementWhere,
      (tx) => tx.enforcementAction,
      ({ r }) => r.enforcement.id,
    ),
    list: reads(ids.enforcement, async (actor, { r }) =>
      (await findEnforcementActions({ actor, query: { q: "", page: 1 } })).items.some((e) => e.id === r.enforcement.id),
    ),
    // One action is read on the person's file (there is no page of its own).
    read: reads(ids.enforcement, (actor, ctx) => onFile("enforcement", ctx.r.enforcement.id)(actor, ctx)),
    create: writes((actor, { w }) =>
      recordEnforcementAction({
        actor,
        input: ZRecordEnforcement.parse({
          personId: w.person.id,
          type: "WEAPON_SEIZURE",
          occurredAt: typedDateTime(-1),
          description: "Vapen i förråd",
        }),
      }),
    ),
  },
  incident: {
    // No delete function and no export of incidents: the scopes.
    ...viaBuilder(
      "incident",
      incidentWhere,
      (tx) => tx.incident,
      ({ r }) => r.incident.id,
    ),
    list: reads(ids.incident, async (actor, { r }) =>
      (await findIncidents({ actor, query: ZFindIncidents.parse({}) })).page.items.some((i) => i.id === r.incident.id),
    ),
    read: reads(
      ids.incident,
      async (actor, { r }) => (await getIncident({ actor, incidentId: r.incident.id })).id === r.incident.id,
    ),
    create: writes((actor) =>
      createIncident({
        actor,
        input: ZCreateIncident.parse({
          occurredAt: typedDateTime(-1),
          type: "SHOOTING",
          district: "Rosengård",
          killed: "0",
          injured: "1",
          groupMemberInvolvement: "UNKNOWN",
        }),
      }),
    ),
    edit: writes(async (actor, { w, r }) => {
      const i = await fresh.incident(r.incident.id);
      const input = ZEditIncident.parse({
        incidentId: i.id,
        version: String(i.version),
        occurredAt: typed(i.occurredAt),
        type: i.type,
        district: i.district,
        killed: String(i.killed),
        injured: "2",
        groupMemberInvolvement: i.groupMemberInvolvement,
        keepPeople: [`${w.person.id}:VICTIM`],
      });
      return editIncident({ actor, input });
    }),
  },
  consent: {
    ...viaBuilder(
      "consent",
      consentWhere,
      (tx) => tx.consent,
      ({ r }) => r.consent.id,
    ),
    list: (actor, { w, r }) =>
      allowed(async () =>
        (await getConsentOverview({ actor, personId: w.secondPerson.id })).consents.some((c) => c.id === r.consent.id),
      ),
    // Recorded and withdrawn for the second person, so the first person's consent stays as the world says.
    create: (actor, { w }) =>
      allowed(() =>
        recordConsent({
          actor,
          input: {
            personId: w.secondPerson.id,
            coverage: ["SOCIAL:REFERRAL_STATUS:PROBATION"],
            documentReference: "M-1",
            givenOn: new Date("2026-01-02"),
            guardianConsent: false,
          },
        }),
      ),
    edit: async (actor, { w }) => {
      const fresh = await giveConsent(w, w.secondPerson.id, ["SOCIAL", "POLICE"]);
      return allowed(() => withdrawConsent({ actor, input: { consentId: fresh.id, version: 1 } }));
    },
  },
  consentRequest: {
    list: (actor, { w, r }) =>
      allowed(async () =>
        (await getConsentOverview({ actor, personId: w.secondPerson.id })).consents.some((c) =>
          c.confirmations.some((k) => k.id === r.consentRequest.id),
        ),
      ),
    read: (actor, { w, r }) =>
      allowed(async () =>
        (await getConsentOverview({ actor, personId: w.secondPerson.id })).consents.some((c) =>
          c.confirmations.some((k) => k.id === r.consentRequest.id && k.status === "REQUESTED"),
        ),
      ),
    // Asking another agency: a consent the actor records that covers that agency's information.
    create: writes(
      (actor, { w }) => {
        const other = COVERAGE.find((c) => c.from !== actor.agency)!;
        return recordConsent({
          actor,
          input: {
            personId: w.secondPerson.id,
            coverage: [coverageCode(other)],
            documentReference: "M-2",
            givenOn: new Date("2026-01-03"),
            guardianConsent: false,
          },
        });
      },
      async (actor) =>
        (await db.consentConfirmation.count({
          where: {
            status: "REQUESTED",
            consent: { createdById: actor.id, documentReference: "M-2" },
            agency: { not: actor.agency ?? undefined },
          },
        })) === 1,
    ),
    edit: writes(
      (actor, { r }) =>
        decideConsentConfirmation({
          actor,
          input: ZDecideConsentConfirmation.parse({
            confirmationId: r.consentRequest.id,
            version: "1",
            decision: "CONFIRMED",
            checkedDocument: "on",
          }),
        }),
      async (_actor, { r }) =>
        (await db.consentConfirmation.findUniqueOrThrow({ where: { id: r.consentRequest.id } })).status === "CONFIRMED",
    ),
    // No delete or export path: the scopes they would have to use.
    delete: (actor, { r }) =>
      allowed(
        async () =>
          (await db.consentConfirmation.count({
            where: and(consentConfirmationWhere(actor, "delete"), r.consentRequest.id),
          })) === 1,
      ),
    export: (actor, { r }) =>
      allowed(
        async () =>
          (await db.consentConfirmation.count({
            where: and(consentConfirmationWhere(actor, "export"), r.consentRequest.id),
          })) === 1,
      ),
  },
  auditEvent: {
    list: (actor, { r }) =>
      allowed(async () => {
        const page =
          actor.role === "ADMIN"
            ? await listAuditEvents({ actor, filter: { page: 1 } })
            : await listMyActivity({ actor, page: 1 });
        return page.items.some((e) => e.id === r.policeEvent.id.toString());
      }),
    read: (actor, { r }) =>
      allowed(
        async () =>
          (await db.auditEvent.count({
            where: { AND: [auditEventWhere(actor, "read"), { id: r.policeEvent.id }] },
          })) === 1,
      ),
    create: (actor) => allowed(async () => authorize(actor, "auditLog", "create")),
    // There is no edit or delete path in the app, and the database refuses one anyway.
    edit: (actor) => allowed(async () => authorize(actor, "auditLog", "update")),
    delete: (actor) => allowed(async () => authorize(actor, "auditLog", "delete")),
    export: (actor, { r }) =>
      allowed(async () => {
        const { stream } = await exportAuditEvents({ actor, filter: { page: 1 }, labels: svLabels });
        return (await new Response(stream).text()).includes(`\r\n${r.policeEvent.id};`);
      }),
  },
  // Social services' internal note on the notification: written and read through the notification's
  // edit form (the actor's own agency's note only) and shown on the person's file.
  internalNote: {
    // No export of notes: the scope.
    ...viaBuilder(
      "internalNote",
      internalNoteWhere,
      (tx) => tx.internalNote,
      ({ r }) => r.socialNote.id,
    ),
    list: reads(ids.socialNote, async (actor, ctx) =>
      JSON.stringify(await personFile(actor, ctx)).includes(SOCIAL_NOTE),
    ),
    read: reads(
      ids.socialNote,
      async (actor, { r }) =>
        (await getNotificationForEdit({ actor, notificationId: r.notification.id })).notification.internalNote ===
        SOCIAL_NOTE,
    ),
    // A note is always the writer's agency's: creating is allowed only as one's own agency.
    create: writes(
      (actor, { w }) =>
        logNotification({
          actor,
          input: ZLogNotification.parse({
            personId: w.person.id,
            occurredAt: typedDateTime(-1),
            placeType: "HOME",
            agencies: ["POLICE"],
            participantIds: [],
            outcome: "ATTEMPTED",
            internalNote: "NY NOT",
          }),
        }),
      async (actor) =>
        (await db.internalNote.findFirstOrThrow({ where: { createdById: actor.id, body: "NY NOT" } })).agency ===
        actor.agency,
    ),
    // Allowed means social services' note changed: another agency's edit saves a note of its own.
    edit: writes(
      (actor, { r }) => editNotification(actor, r.notification.id, "ÄNDRAD NOT"),
      async (_actor, ctx) => (await socialNote(ctx))?.body === "ÄNDRAD NOT",
    ),
    // Emptying the note removes the actor's own agency's note, never another's.
    delete: writes(
      (actor, { r }) => editNotification(actor, r.notification.id, undefined),
      async (_actor, ctx) => (await socialNote(ctx)) === null,
    ),
  },
  // Through the pages' own functions: the lists, the request's page, "Registrera begäran", the
  // manager's decision, and "Ta fram utdrag" followed by opening the extract.
  meeting: {
    // No delete function (a meeting is part of the record): the scope.
    ...viaBuilder(
      "meeting",
      meetingWhere,
      (tx) => tx.coordinationMeeting,
      ({ r }) => r.meeting.id,
    ),
    list: reads(
      ({ r }) => r.meeting.id,
      async (actor, { r }) =>
        (await findMeetings({ actor, query: ZMeetingList.parse({}) })).page.items.some((m) => m.id === r.meeting.id),
    ),
    read: reads(
      ({ r }) => r.meeting.id,
      async (actor, { r }) => (await getMeeting({ actor, meetingId: r.meeting.id })).id === r.meeting.id,
    ),
    create: writes((actor) =>
      createMeeting({
        actor,
        input: ZCreateMeeting.parse({ startsAt: typedDateTime(5), place: "Rådhuset", agencies: ["SOCIAL"] }),
      }),
    ),
    edit: writes(async (actor, { r }) => {
      const m = await db.coordinationMeeting.findUniqueOrThrow({ where: { id: r.meeting.id } });
      return editMeeting({
        actor,
        input: ZEditMeeting.parse({
          meetingId: m.id,
          version: String(m.version),
          startsAt: typed(m.startsAt),
          place: "Rådhuset, sal 4",
          agencies: m.agencies,
          status: "HELD",
        }),
      });
    }),
  },
  meetingMinutes: {
    ...viaBuilder(
      "meetingMinutes",
      meetingMinutesWhere,
      (tx) => tx.meetingMinutes,
      ({ r }) => r.policeMinutes.id,
    ),
    // The meeting's page, the one place minutes are shown.
    list: reads(
      ({ r }) => r.policeMinutes.id,
      async (actor, { w, r }) =>
        (await getMeeting({ actor, meetingId: r.meeting.id })).agenda.some(
          (a) => a.personId === w.person.id && a.minutes?.id === r.policeMinutes.id,
        ),
    ),
    read: reads(
      ({ r }) => r.policeMinutes.id,
      async (actor, { r }) =>
        JSON.stringify(await getMeeting({ actor, meetingId: r.meeting.id })).includes("POLISENS MINNESANTECKNING"),
    ),
    export: reads(
      ({ r }) => r.policeMinutes.id,
      async (actor, { r }) =>
        JSON.stringify(await getMeeting({ actor, meetingId: r.meeting.id })).includes("POLISENS MINNESANTECKNING"),
    ),
    // Each agency writes its own minutes (about the second person, once each).
    create: writes(
      (actor, { w, r }) =>
        saveMinutes({
          actor,
          input: ZSaveMinutes.parse({
            meetingId: r.meeting.id,
            personId: w.secondPerson.id,
            version: "0",
            text: "Egna anteckningar",
          }),
        }),
      async (actor, { w }) =>
        (await db.meetingMinutes.findFirstOrThrow({ where: { personId: w.secondPerson.id, createdById: actor.id } }))
          .agency === actor.agency,
    ),
    edit: writes(async (actor, { w, r }) => {
      const current = await db.meetingMinutes.findUniqueOrThrow({ where: { id: r.policeMinutes.id } });
      return saveMinutes({
        actor,
        input: ZSaveMinutes.parse({
          meetingId: r.meeting.id,
          personId: w.person.id,
          version: String(current.version),
          text: "Ändrade anteckningar",
        }),
      });
    }),
  },
  meetingDecision: {
    // Neither changed nor deleted (no grant, no function): the scopes.
    ...viaBuilder(
      "meetingDecision",
      meetingDecisionWhere,
      (tx) => tx.meetingDecision,
      ({ r }) => r.policeDecision.id,
    ),
    list: reads(
      ({ r }) => r.policeDecision.id,
      async (actor, { r }) =>
        (await getMeeting({ actor, meetingId: r.meeting.id })).agenda.some((a) =>
          a.decisions.some((d) => d.id === r.policeDecision.id),
        ),
    ),
    read: reads(
      ({ r }) => r.policeDecision.id,
      async (actor, { r }) =>
        JSON.stringify(await getMeeting({ actor, meetingId: r.meeting.id })).includes("POLISENS BESLUT"),
    ),
    create: writes((actor, { w, r }) =>
      recordDecision({
        actor,
        input: ZRecordDecision.parse({ meetingId: r.meeting.id, personId: w.person.id, text: "Nytt beslut" }),
      }),
    ),
  },
  task: {
    ...viaBuilder(
      "task",
      taskWhere,
      (tx) => tx.task,
      ({ r }) => r.task.id,
    ),
    // The meeting's due items, or under its decision.
    list: reads(
      ({ r }) => r.task.id,
      async (actor, { r }) =>
        (await getMeeting({ actor, meetingId: r.meeting.id })).agenda.some((a) =>
          a.dueItems.some((i) => i.id === r.task.id),
        ),
    ),
    read: reads(
      ({ r }) => r.task.id,
      async (actor, { r }) =>
        JSON.stringify(await getMeeting({ actor, meetingId: r.meeting.id })).includes("SAMTAL OM ARBETE"),
    ),
    // A decision of one's own that becomes a task of one's own.
    create: writes(
      (actor, { w, r }) =>
        recordDecision({
          actor,
          input: ZRecordDecision.parse({
            meetingId: r.meeting.id,
            personId: w.person.id,
            text: "Beslut med uppgift",
            taskTitle_0: "Ny uppgift",
            taskResponsible_0: actor.id,
            taskDueOn_0: typedDate(7),
          }),
        }),
      async (actor) =>
        (await db.task.findFirstOrThrow({ where: { title: "Ny uppgift", responsibleId: actor.id } })).ownerAgency ===
        actor.agency,
    ),
    // Marking it done.
    edit: writes(async (actor, { r }) => {
      const current = await db.task.findUniqueOrThrow({ where: { id: r.task.id } });
      return completeTask({ actor, input: { taskId: current.id, version: current.version } });
    }),
  },
  extractRequest: {
    list: reads(ids.extractRequest, async (actor, { r }) =>
      (await listExtractRequests({ actor, query: { page: 1 } })).items.some((e) => e.id === r.extractRequest.id),
    ),
    read: reads(
      ids.extractRequest,
      async (actor, { r }) =>
        (await getExtractRequest({ actor, requestId: r.extractRequest.id })).id === r.extractRequest.id,
    ),
    create: writes((actor, { w }) =>
      registerExtractRequest({
        actor,
        input: ZRegisterExtractRequest.parse({
          personId: w.secondPerson.id,
          requester: "GUARDIAN",
          requesterName: "Vera Vårdnadshavare",
          receivedOn: typedDate(0),
          identityCheck: "IN_PERSON_ID_DOCUMENT",
          reference: "KS 2026/0300",
        }),
      }),
    ),
    edit: writes(
      async (actor, { r }) => {
        const current = await db.registerExtractRequest.findUniqueOrThrow({ where: { id: r.extractRequest.id } });
        return decideExtractRequest({
          actor,
          input: ZDecideExtractRequest.parse({
            requestId: current.id,
            version: String(current.version),
            decision: "APPROVED",
          }),
        });
      },
      async (actor, { r }) =>
        (await db.registerExtractRequest.findUniqueOrThrow({ where: { id: r.extractRequest.id } })).decidedById ===
        actor.id,
    ),
    // There is no deleting a request: the grant.
    delete: (actor) => allowed(async () => authorize(actor, "registerExtract", "delete")),
    // Producing the approved request's extract and opening it; refused, nothing at all is written.
    export: async (actor, { w, r }) => {
      const before = await snapshot();
      const requestId = r.approvedExtractRequest.id;
      const ok = await allowed(async () => {
        await produceRegisterExtract({ actor, input: { requestId } });
        return (
          (await getRegisterExtract({ actor, personId: w.person.id, requestId, format: "json" })).personId ===
          w.person.id
        );
      });
      if (!ok) expect.soft(await snapshot(), `${actor.role}: extract refused, nothing written`).toEqual(before);
      return ok;
    },
  },
  groupRelation: {
    // No export page of its own (the map and the group page are its reads): the scope.
    ...viaBuilder(
      "groupRelation",
      groupRelationWhere,
      (tx) => tx.groupRelation,
      ({ r }) => r.groupRelation.id,
    ),
    list: (actor, { r }) =>
      allowed(async () => (await getGroupMap({ actor })).relations.some((x) => x.id === r.groupRelation.id)),
    read: (actor, { r }) =>
      allowed(async () =>
        (await getGroupRelations({ actor, groupId: r.groupRelation.groupAId })).current.some(
          (x) => x.id === r.groupRelation.id,
        ),
      ),
    // Two new groups each time: a pair has one relation in force, and every allowed role records one.
    create: async (actor, ctx) => {
      const [a, b] = await twoGroups(ctx.w);
      return writes((actor) =>
        recordGroupRelation({
          actor,
          input: ZRecordGroupRelation.parse({
            groupId: a.id,
            otherGroupId: b.id,
            kind: "ALLIANCE",
            validFrom: typedDate(-3),
          }),
        }),
      )(actor, ctx);
    },
    // A relation in force of its own each time: ending one twice is "already ended", not "denied".
    edit: async (actor, ctx) => {
      const [a, b] = await twoGroups(ctx.w);
      const relation = await createGroupRelation(db, {
        siteId: ctx.w.site.id,
        groupAId: a.id,
        groupBId: b.id,
        createdById: ctx.w.users.POLICE.id,
      });
      return writes(
        (actor) =>
          endGroupRelation({
            actor,
            input: ZEndGroupRelation.parse({
              relationId: relation.id,
              version: "1",
              groupId: a.id,
              validTo: typedDate(0),
            }),
          }),
        async () => (await db.groupRelation.findUniqueOrThrow({ where: { id: relation.id } })).validTo !== null,
      )(actor, ctx);
    },
  },
};

let groupCount = 0;
const twoGroups = async (w: World) => {
  const group = () =>
    createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: `Matrisgrupp ${++groupCount}` });
  return [await group(), await group()] as const;
};

const extractRequestOf = (
  w: World,
  personId: string,
  data: Partial<Prisma.RegisterExtractRequestUncheckedCreateInput> = {},
) =>
  createRegisterExtractRequest(db, {
    siteId: w.site.id,
    personId,
    reference: "KS 2026/0173",
    registeredById: w.users.ADMIN.id,
    ...data,
  });

/**
 * The person's consent in each world: none; one in force (every holder confirmed); or consents that
 * cover everything but were each recorded by an agency other than the holder of what they cover,
 * and never confirmed — which must open exactly as much as none.
 */
type ConsentWorld = "none" | "confirmed" | "unconfirmed";

async function seed(consentWorld: ConsentWorld): Promise<Ctx> {
  const w = await makeWorld();
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
  const records = await recordsOfEveryKind(w);
  const socialFollowUp = await createFollowUp(db, {
    siteId: w.site.id,
    personId: w.person.id,
    agency: "SOCIAL",
    assignedToId: w.users.SOCIAL.id,
    dueOn: new Date("2026-04-01"),
  });
  const consent = await giveConsent(w, w.secondPerson.id, ["SOCIAL", "PROBATION"]);
  const request = await createConsent(db, {
    siteId: w.site.id,
    personId: w.secondPerson.id,
    recordedByAgency: "POLICE",
    createdById: w.users.POLICE.id,
    coverage: [{ from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" }],
  });
  const consentRequest = await db.consentConfirmation.findUniqueOrThrow({
    where: { consentId_agency: { consentId: request.id, agency: "SOCIAL" } },
    select: { id: true },
  });
  if (consentWorld === "confirmed") await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"]);
  if (consentWorld === "unconfirmed") {
    // Each agency records one covering everything the other agencies hold (the police: social
    // services' and probation's; social services: probation's and the police's; …): nobody confirms.
    for (const [recorder, by] of [
      ["POLICE", w.users.POLICE.id],
      ["SOCIAL", w.users.SOCIAL.id],
      ["PROBATION", w.users.PROBATION.id],
    ] as const) {
      // Never what the recorder itself holds: a holder's own consent is confirmed by recording it
      // (the police hold joint decisions and plan measures too since issue 15).
      const coverage = COVERAGE.filter((c) => c.from !== recorder);
      await createConsent(db, {
        siteId: w.site.id,
        personId: w.person.id,
        recordedByAgency: recorder,
        createdById: by,
        coverage,
      });
    }
  }
  await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
  const policeEvent = await db.auditEvent.findFirstOrThrow({
    where: { actorId: w.users.POLICE.id },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const extractRequest = await extractRequestOf(w, w.person.id);
  const plan = await createPlanRecord(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
  const planMeasure = await createPlanMeasure(db, {
    siteId: w.site.id,
    planId: plan.id,
    personId: w.person.id,
    agency: "SOCIAL",
    title: "Boende",
    description: "Beskrivning: fritext",
    createdById: w.users.SOCIAL.id,
  });
  const planless = {} as Record<Role, { id: string }>;
  for (const role of ROLES) {
    planless[role] = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await assignAll(w, planless[role].id);
  }
  const approvedExtractRequest = await extractRequestOf(w, w.person.id, {
    reference: "KS 2026/0174",
    status: "APPROVED",
    decidedById: w.users.MANAGER.id,
    decidedAt: new Date(),
  });
  const [groupA, groupB] = await twoGroups(w);
  const groupRelation = await createGroupRelation(db, {
    siteId: w.site.id,
    groupAId: groupA.id,
    groupBId: groupB.id,
    createdById: w.users.POLICE.id,
  });
  const meeting = await createMeetingRow(db, {
    siteId: w.site.id,
    createdById: w.users.POLICE.id,
    participantIds: [w.users.POLICE.id, w.users.SOCIAL.id, w.users.PROBATION.id],
    agendaPersonIds: [w.person.id, w.secondPerson.id],
  });
  const policeMinutes = await createMeetingMinutes(db, {
    siteId: w.site.id,
    meetingId: meeting.id,
    personId: w.person.id,
    agency: "POLICE",
    createdById: w.users.POLICE.id,
    text: "POLISENS MINNESANTECKNING",
  });
  const policeDecision = await createMeetingDecision(db, {
    siteId: w.site.id,
    meetingId: meeting.id,
    personId: w.person.id,
    recordedByAgency: "POLICE",
    createdById: w.users.POLICE.id,
    text: "POLISENS BESLUT",
    tasks: [{ title: "SAMTAL OM ARBETE", ownerAgency: "PROBATION", responsibleId: w.users.PROBATION.id }],
  });
  return {
    w,
    r: {
      ...records,
      socialFollowUp,
      consent,
      consentRequest,
      policeEvent,
      extractRequest,
      approvedExtractRequest,
      plan,
      planMeasure,
      planless,
      groupRelation,
      meeting,
      policeMinutes,
      policeDecision,
      task: policeDecision.tasks[0]!,
    },
  };
}

function expected(kind: Kind, role: Role, op: Op, consentWorld: ConsentWorld): boolean {
  const cell = TABLE[kind][role][OPS.indexOf(op)];
  return cell === "Y" || (cell === "C" && consentWorld === "confirmed");
}

// The audit log first: every other read adds events that would push the probe event off the
// audit views' first page.
const KIND_NAMES = ["auditEvent", ...(Object.keys(TABLE) as Kind[]).filter((k) => k !== "auditEvent")] as Kind[];

/** Runs `ops` for every kind and role in one world, asserting each cell against the table. */
async function runMatrix(ctx: Ctx, consentWorld: ConsentWorld, ops: readonly Op[]) {
  for (const kind of KIND_NAMES) {
    for (const op of ops) {
      // Those who must be refused first: a write that is allowed must not clear the way for them
      // (a deleted record would answer "not found" to anybody).
      const roles = [...ROLES].sort(
        (a, b) => Number(expected(kind, a, op, consentWorld)) - Number(expected(kind, b, op, consentWorld)),
      );
      for (const role of roles) {
        ctx.label = `${role} ${op} ${kind}`;
        const actual = await KINDS[kind][op](ctx.w.actors[role], ctx);
        expect.soft(actual, ctx.label).toBe(expected(kind, role, op, consentWorld));
      }
    }
  }
  ctx.label = undefined;
}

// One world per test (the database is emptied before each): reads in one, writes in another, so
// that no write changes what a read sees and the file stays quick.
const WORLD_NAMES: Record<ConsentWorld, string> = {
  none: "without the person's consent",
  confirmed: "with the person's consent, confirmed by every agency holding what it covers",
  unconfirmed: "with consents recorded by agencies that do not hold what they cover, never confirmed",
};
for (const consentWorld of ["none", "confirmed", "unconfirmed"] as const) {
  describe(`the authorization matrix ${WORLD_NAMES[consentWorld]}`, () => {
    // Every role against every resource: ~17 s on a quiet machine, over 30 s at load 12.
    it("list, read one and export", { timeout: 120_000 }, async () => {
      await runMatrix(await seed(consentWorld), consentWorld, ["list", "read", "export"]);
    });
    it("create, edit and delete", async () => {
      await runMatrix(await seed(consentWorld), consentWorld, ["create", "edit", "delete"]);
    });
  });
}

describe("around the matrix", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await seed("confirmed");
  });

  it("tells social services and probation that a person is deprived of liberty, but never why", async () => {
    await db.person.update({ where: { id: ctx.w.person.id }, data: { status: "DEPRIVED_OF_LIBERTY" } });
    for (const role of ["SOCIAL", "PROBATION"] as const) {
      const file = await getPersonFile({ actor: ctx.w.actors[role], personId: ctx.w.person.id });
      expect(file.status).toBe("DEPRIVED_OF_LIBERTY");
      expect(JSON.stringify(file)).not.toContain("Beskrivning: fritext");
      expect(await KINDS.enforcement.read(ctx.w.actors[role], ctx)).toBe(false);
    }
  });

  it("never lets anyone of another site see anything, consent or not", async () => {
    const stranger = ctx.w.otherActor;
    for (const kind of Object.keys(KINDS) as Kind[]) {
      for (const op of ["list", "read", "export", "edit", "delete"] as const) {
        if (kind === "auditEvent" || kind === "consent" || kind === "consentRequest") continue; // own actions / another person: covered above
        expect.soft(await KINDS[kind][op](stranger, ctx), `other site ${op} ${kind}`).toBe(false);
      }
    }
  });

  it("withdrawal closes at once what consent opened", async () => {
    const consent = await db.consent.findFirstOrThrow({ where: { personId: ctx.w.person.id } });
    // What consent opens, through the pages' own functions: one read each, then the withdrawal.
    const opened = [
      ["POLICE", KINDS.referral.read],
      ["PROBATION", KINDS.referral.list],
      ["PROBATION", KINDS.supportMeasure.read],
      ["SOCIAL", KINDS.followUp.list],
      ["SOCIAL", KINDS.followUp.read],
      ["PROBATION", KINDS.socialFollowUp.read],
      ["POLICE", KINDS.planMeasure.list],
      ["PROBATION", KINDS.planMeasure.read],
    ] as const;
    for (const [role, check] of opened) expect(await check(ctx.w.actors[role], ctx)).toBe(true);
    await withdrawConsent({ actor: ctx.w.actors.SOCIAL, input: { consentId: consent.id, version: consent.version } });
    for (const [role, check] of opened) expect(await check(ctx.w.actors[role], ctx)).toBe(false);
  });

  it("a consent that covers other kinds of information than the one asked for opens nothing of it", async () => {
    await db.consentCoverage.deleteMany({
      where: { consent: { personId: ctx.w.person.id }, kind: { not: "SUPPORT_MEASURE_STATUS" } },
    });
    expect(await KINDS.referral.read(ctx.w.actors.POLICE, ctx)).toBe(false);
    expect(await KINDS.referral.read(ctx.w.actors.PROBATION, ctx)).toBe(false);
    expect(await KINDS.followUp.read(ctx.w.actors.SOCIAL, ctx)).toBe(false);
  });
});

/*
 * Vetted access (issue 14): the pledge, the needs-and-risk notes and the access review, with the
 * pages they are on, written out by hand like TABLE. Every role reads its site's pledge and
 * accepts it itself; only ADMIN sees who accepted, publishes a version and keeps the notes;
 * MANAGER and ADMIN review accounts; only ADMIN sets the review interval. Consent plays no part,
 * so one world is enough.
 */
//                            POLICE SOCIAL PROBATION MANAGER ADMIN NATIONAL
const VETTING = {
  readPledge: "YYYYYY",
  acceptPledge: "YYYYYY",
  listAcceptances: "NNNNYN",
  publishPledge: "NNNNYN",
  listRoleNeeds: "NNNNYN",
  saveRoleNeeds: "NNNNYN",
  listAccountsDue: "NNNYYN",
  readAccountForReview: "NNNYYN",
  reviewAccount: "NNNYYN",
  setReviewInterval: "NNNNYN",
  // The pages: /admin/pledge and /admin/roles (area admin), /access-review (area accessReview).
  pledgeAndRolesPages: "NNNNYN",
  accessReviewPage: "NNNYYN",
} as const satisfies Record<string, string>;

type VettingCtx = { w: World; reviewed: { id: string }; label?: string };
type VettingCheck = (actor: Actor, ctx: VettingCtx) => Promise<boolean>;
const asCtx = (v: VettingCtx): Ctx => ({ w: v.w, r: {} as Records, label: v.label });
const vReads =
  (find: (actor: Actor, ctx: VettingCtx) => Promise<unknown>): VettingCheck =>
  (actor, ctx) =>
    reads(
      () => "",
      async () => {
        await find(actor, ctx);
        return true;
      },
    )(actor, asCtx(ctx));
const vWrites =
  (run: (actor: Actor, ctx: VettingCtx) => Promise<unknown>): VettingCheck =>
  (actor, ctx) =>
    writes(() => run(actor, ctx))(actor, asCtx(ctx));
const latestPledge = async (w: World) =>
  (await db.confidentialityPledge.findFirstOrThrow({ where: { siteId: w.site.id }, orderBy: { version: "desc" } }))
    .version;

const VETTING_CHECKS: Record<keyof typeof VETTING, VettingCheck> = {
  // Not audited: the pledge text is the site's, not anybody's data.
  readPledge: (actor) => allowed(async () => (await currentPledge({ actor })).version > 0),
  acceptPledge: vWrites(async (actor, { w }) =>
    acceptPledge({ actor, input: { version: await latestPledge(w), accept: true } }),
  ),
  // The site's overview names the account that has not yet accepted version 2.
  listAcceptances: vReads(async (actor, { reviewed }) => {
    if (!(await pledgeOverview({ actor, page: 1 })).pending.some((u) => u.id === reviewed.id))
      throw new NotFoundError();
  }),
  publishPledge: vWrites(async (actor, { w }) =>
    publishPledge({
      actor,
      input: { text: `Ny version av ${actor.role}.`, replaces: await latestPledge(w), confirm: true },
    }),
  ),
  listRoleNeeds: vReads((actor) => roleNeedsOverview({ actor })),
  saveRoleNeeds: vWrites(async (actor, { w }) => {
    const latest = await db.roleNeedsNote.findFirst({
      where: { siteId: w.site.id, role: "POLICE" },
      orderBy: { version: "desc" },
    });
    return saveRoleNeeds({ actor, input: { role: "POLICE", text: "Behov.", replaces: latest?.version ?? 0 } });
  }),
  listAccountsDue: vReads(async (actor, { reviewed }) => {
    const due = await listAccountsDue({ actor, page: 1 });
    if (!due.accounts.items.some((a) => a.id === reviewed.id)) throw new NotFoundError();
  }),
  readAccountForReview: vReads((actor, { reviewed }) => getAccountForReview({ actor, userId: reviewed.id })),
  reviewAccount: vWrites(async (actor, { reviewed }) => {
    const { version } = await db.user.findUniqueOrThrow({ where: { id: reviewed.id }, select: { version: true } });
    return reviewAccount({ actor, input: { userId: reviewed.id, version, decision: "KEEP", note: "Behövs." } });
  }),
  setReviewInterval: vWrites(async (actor, { w }) => {
    const { version } = await db.site.findUniqueOrThrow({ where: { id: w.site.id }, select: { version: true } });
    return setReviewSettings({ actor, input: { months: 12, graceDays: 30, version } });
  }),
  pledgeAndRolesPages: async (actor) => canUseArea(actor.role, "admin"),
  accessReviewPage: async (actor) => canUseArea(actor.role, "accessReview"),
};

describe("the authorization matrix of vetted access", () => {
  it("reads, writes and pages per role", async () => {
    const w = await makeWorld();
    // A version nobody has accepted yet, and an account a year past its review (due, in the grace period).
    await createPledge(db, { siteId: w.site.id, version: 2, text: "Version två." });
    const reviewed = await createUser(db, {
      siteId: w.site.id,
      role: "POLICE",
      accessReviewedAt: new Date(Date.now() - 370 * 86_400_000),
    });
    const ctx: VettingCtx = { w, reviewed };
    for (const [check, cells] of Object.entries(VETTING) as [keyof typeof VETTING, string][]) {
      const roles = [...ROLES].sort(
        (a, b) => Number(cells[ROLES.indexOf(a)] === "Y") - Number(cells[ROLES.indexOf(b)] === "Y"),
      );
      for (const role of roles) {
        ctx.label = `${role} ${check}`;
        expect
          .soft(await VETTING_CHECKS[check](w.actors[role], ctx), ctx.label)
          .toBe(cells[ROLES.indexOf(role)] === "Y");
      }
    }
    // Nobody of another site sees or changes anything of this one, not even its administrator.
    const stranger = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "ADMIN" }));
    ctx.label = "other site";
    for (const check of ["listAcceptances", "listAccountsDue", "readAccountForReview", "reviewAccount"] as const)
      expect.soft(await VETTING_CHECKS[check](stranger, ctx), `other site ${check}`).toBe(false);
  });
});

/*
 * The joint work planned ahead (issue 15), written out by hand like TABLE: rounds and planned
 * visits are the site's joint work (the three agencies, like notifications); a warning flag's kind
 * is for every agency, its reason and its ending for the setting agency only (docs/confidentiality.md).
 * Consent plays no part, so one world is enough.
 */
//                            POLICE SOCIAL PROBATION MANAGER ADMIN NATIONAL
const PLANNING = {
  listRounds: "YYYNNN",
  readRound: "YYYNNN",
  createRound: "YYYNNN",
  addRoundPeople: "YYYNNN",
  listPlannedVisits: "YYYNNN",
  readPlannedVisit: "YYYNNN",
  planVisit: "YYYNNN",
  logVisitFromPlan: "YYYNNN",
  // The police's flag: everyone of the three agencies sees that it is there; the reason, the police.
  seeFlag: "YYYNNN",
  seeFlagReason: "YNNNNN",
  setFlag: "YYYNNN",
  endPoliceFlag: "YNNNNN",
  // The pages /visits and /rounds (area visits).
  visitPages: "YYYNNN",
} as const satisfies Record<string, string>;

type PlanningCtx = VettingCtx & { round: { id: string }; plan: { id: string } };
type PlanningCheck = (actor: Actor, ctx: PlanningCtx) => Promise<boolean>;
const pReads =
  (find: (actor: Actor, ctx: PlanningCtx) => Promise<unknown>): PlanningCheck =>
  (actor, ctx) =>
    reads(
      () => "",
      async () => {
        await find(actor, ctx);
        return true;
      },
    )(actor, asCtx(ctx));
const pWrites =
  (run: (actor: Actor, ctx: PlanningCtx) => Promise<unknown>): PlanningCheck =>
  (actor, ctx) =>
    writes(() => run(actor, ctx))(actor, asCtx(ctx));
const policeFlagOf = (w: World) =>
  createWarningFlag(db, {
    siteId: w.site.id,
    personId: w.person.id,
    agency: "POLICE",
    kind: "WEAPONS",
    reason: "Polisens skäl",
    createdById: w.users.POLICE.id,
  });

const PLANNING_CHECKS: Record<keyof typeof PLANNING, PlanningCheck> = {
  listRounds: (actor, { round }) => allowed(async () => (await listRounds({ actor })).some((r) => r.id === round.id)),
  readRound: pReads((actor, { round }) => getRound({ actor, roundId: round.id })),
  createRound: pWrites((actor) =>
    createRound({
      actor,
      input: {
        name: `Omgång av ${actor.role}`,
        startsOn: new Date("2026-12-01"),
        endsOn: new Date("2026-12-14"),
        groupIds: [],
        personIds: [],
        personNumbers: [],
      },
    }),
  ),
  addRoundPeople: pWrites((actor, { round, w }) =>
    addRoundPeople({
      actor,
      input: { roundId: round.id, groupIds: [], personIds: [w.secondPerson.id], personNumbers: [] },
    }),
  ),
  listPlannedVisits: (actor, ctx) =>
    pReads(async (a, { plan }) => {
      const week = await getVisitWeek({ actor: a, now: new Date("2026-12-08T10:00:00Z") });
      if (!week.site.some((v) => v.id === plan.id)) throw new NotFoundError();
    })(actor, ctx),
  readPlannedVisit: pReads((actor, { plan }) => getPlannedVisit({ actor, plannedVisitId: plan.id })),
  planVisit: pWrites((actor, { w }) =>
    planVisit({
      actor,
      input: {
        personId: w.person.id,
        windowStartsOn: new Date("2026-12-07"),
        windowEndsOn: new Date("2026-12-11"),
        placeType: "HOME",
        placeDescription: undefined,
        teamIds: [],
        roundId: undefined,
      },
    }),
  ),
  // A plan of its own for each role: a logged plan cannot be logged again.
  logVisitFromPlan: async (actor, ctx) => {
    const { w } = ctx;
    const plan = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    return writes(
      (a) =>
        logNotification({
          actor: a,
          input: {
            personId: w.person.id,
            occurredAt: new Date(),
            placeType: "HOME",
            placeDescription: undefined,
            agencies: ["POLICE"],
            participantIds: [],
            outcome: "ATTEMPTED",
            response: undefined,
            askedForHelpOnSite: false,
            nextStep: undefined,
            internalNote: undefined,
            plannedVisitId: plan.id,
          },
        }),
      async () => (await db.plannedVisit.findUniqueOrThrow({ where: { id: plan.id } })).doneAt !== null,
    )(actor, asCtx(ctx));
  },
  seeFlag: (actor, { w }) => allowed(async () => (await personWarningFlags(actor, w.person.id)).length === 1),
  seeFlagReason: (actor, { w }) =>
    allowed(async () => (await personWarningFlags(actor, w.person.id))[0]?.reason === "Polisens skäl"),
  setFlag: pWrites((actor, { w }) =>
    setWarningFlag({
      actor,
      input: { personId: w.person.id, kind: "DOG", reason: "Hund", setOn: undefined, endsOn: undefined },
    }),
  ),
  // A flag of its own for each role, set by the police; only the police may end it.
  endPoliceFlag: async (actor, ctx) => {
    const flag = await policeFlagOf(ctx.w);
    return pWrites((a) => endWarningFlag({ actor: a, input: { flagId: flag.id, version: flag.version } }))(actor, ctx);
  },
  visitPages: async (actor) => canUseArea(actor.role, "visits"),
};

describe("the authorization matrix of rounds, planned visits and warning flags", () => {
  it("reads, writes and pages per role", async () => {
    const w = await makeWorld();
    await assignAll(w);
    await assignAll(w, w.secondPerson.id);
    const round = await createNotificationRound(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const plan = await createPlannedVisit(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await policeFlagOf(w);
    const ctx: PlanningCtx = { w, reviewed: { id: "" }, round, plan };
    for (const [check, cells] of Object.entries(PLANNING) as [keyof typeof PLANNING, string][]) {
      const roles = [...ROLES].sort(
        (a, b) => Number(cells[ROLES.indexOf(a)] === "Y") - Number(cells[ROLES.indexOf(b)] === "Y"),
      );
      for (const role of roles) {
        ctx.label = `${role} ${check}`;
        expect
          .soft(await PLANNING_CHECKS[check](w.actors[role], ctx), ctx.label)
          .toBe(cells[ROLES.indexOf(role)] === "Y");
      }
    }
    // Nobody of another site sees or changes anything of this one.
    ctx.label = "other site";
    for (const check of [
      "listRounds",
      "readRound",
      "addRoundPeople",
      "readPlannedVisit",
      "seeFlag",
      "endPoliceFlag",
    ] as const)
      expect.soft(await PLANNING_CHECKS[check](w.otherActor, ctx), `other site ${check}`).toBe(false);
  });
});

/*
 * Moving a file with the person (issue 16, docs/decisions/016), written out by hand like TABLE:
 * only social services send a person's file (at the sending site), and only the receiving site's
 * social services list, open, accept or decline what was sent to them. The move's consent is on
 * the transfer itself, so one world is enough. The "in" checks run as the receiving site's user
 * of each role.
 */
//                            POLICE SOCIAL PROBATION MANAGER ADMIN NATIONAL
const TRANSFERS = {
  requestTransfer: "NYNNNN",
  seeSentTransfer: "NYNNNN",
  withdrawTransfer: "NYNNNN",
  listIncoming: "NYNNNN",
  readIncoming: "NYNNNN",
  declineIncoming: "NYNNNN",
  acceptIncoming: "NYNNNN",
  // The pages /transfers and /people/[id]/transfer (area transfers).
  transferPages: "NYNNNN",
} as const satisfies Record<string, string>;
const INCOMING = new Set<keyof typeof TRANSFERS>(["listIncoming", "readIncoming", "declineIncoming", "acceptIncoming"]);

type TransferCtx = { w: World; label?: string };
type TransferCheck = (actor: Actor, ctx: TransferCtx) => Promise<boolean>;

/** A person of the sending site on the actor's caseload (when the actor has an agency), and a transfer of theirs. */
async function transferOf({ w }: TransferCtx, actor: Actor, opts: { sent?: boolean } = {}) {
  const person = await createPerson(db, { siteId: w.site.id, createdById: w.users.SOCIAL.id });
  if (actor.agency && actor.siteId === w.site.id)
    await createAssignment(db, { siteId: w.site.id, personId: person.id, userId: actor.id, agency: actor.agency });
  const transfer =
    opts.sent === false
      ? null
      : await createFileTransfer(db, {
          siteId: w.site.id,
          toSiteId: w.otherSite.id,
          personId: person.id,
          createdById: w.users.SOCIAL.id,
        });
  return { person, transfer };
}
const tWrites =
  (prepare: (actor: Actor, ctx: TransferCtx) => Promise<() => Promise<unknown>>): TransferCheck =>
  async (actor, ctx) => {
    const run = await prepare(actor, ctx);
    return writes(run)(actor, asCtx({ w: ctx.w, reviewed: { id: "" }, label: ctx.label }));
  };
const tReads =
  (prepare: (actor: Actor, ctx: TransferCtx) => Promise<() => Promise<unknown>>): TransferCheck =>
  async (actor, ctx) => {
    const run = await prepare(actor, ctx);
    return reads(
      () => "",
      async () => {
        await run();
        return true;
      },
    )(actor, asCtx({ w: ctx.w, reviewed: { id: "" }, label: ctx.label }));
  };

const TRANSFER_CHECKS: Record<keyof typeof TRANSFERS, TransferCheck> = {
  requestTransfer: tWrites(async (actor, ctx) => {
    const { person } = await transferOf(ctx, actor, { sent: false });
    return () =>
      requestFileTransfer({
        actor,
        input: {
          personId: person.id,
          toSiteId: ctx.w.otherSite.id,
          consentReference: "SOC 1",
          consentGivenOn: new Date("2026-11-01"),
          carriesPlan: false,
          carriesReferrals: false,
          carriesSupportMeasures: false,
        },
      });
  }),
  seeSentTransfer: tReads(async (actor, ctx) => {
    const { person, transfer } = await transferOf(ctx, actor);
    return async () => {
      const state = await getPersonTransferState({ actor, personId: person.id });
      if (!state.history.some((h) => h.id === transfer!.id)) throw new NotFoundError();
    };
  }),
  withdrawTransfer: tWrites(async (actor, ctx) => {
    const { transfer } = await transferOf(ctx, actor);
    return () => cancelFileTransfer({ actor, input: { transferId: transfer!.id, version: transfer!.version } });
  }),
  listIncoming: tReads(async (actor, ctx) => {
    const { transfer } = await transferOf(ctx, actor);
    return async () => {
      if (!(await listIncomingTransfers({ actor })).some((t) => t.id === transfer!.id)) throw new NotFoundError();
    };
  }),
  readIncoming: tReads(async (actor, ctx) => {
    const { transfer } = await transferOf(ctx, actor);
    return () => getIncomingTransfer({ actor, transferId: transfer!.id });
  }),
  declineIncoming: tWrites(async (actor, ctx) => {
    const { transfer } = await transferOf(ctx, actor);
    return () =>
      declineFileTransfer({ actor, input: { transferId: transfer!.id, version: transfer!.version, note: undefined } });
  }),
  acceptIncoming: tWrites(async (actor, ctx) => {
    const { transfer } = await transferOf(ctx, actor);
    return () =>
      acceptFileTransfer({
        actor,
        input: {
          transferId: transfer!.id,
          version: transfer!.version,
          mode: "new",
          linkPersonId: undefined,
          confirmDuplicate: false,
        },
      });
  }),
  transferPages: async (actor) => canUseArea(actor.role, "transfers"),
};

describe("the authorization matrix of moving a file with the person", () => {
  it("sends, sees, withdraws, lists, opens, declines and accepts per role and site", async () => {
    const w = await makeWorld();
    const receiving = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, actorOf(await createUser(db, { siteId: w.otherSite.id, role }))] as const),
      ),
    ) as Record<Role, Actor>;
    const ctx: TransferCtx = { w };
    for (const [check, cells] of Object.entries(TRANSFERS) as [keyof typeof TRANSFERS, string][]) {
      for (const role of ROLES) {
        ctx.label = `${role} ${check}`;
        const actor = INCOMING.has(check) ? receiving[role] : w.actors[role];
        expect.soft(await TRANSFER_CHECKS[check](actor, ctx), ctx.label).toBe(cells[ROLES.indexOf(role)] === "Y");
      }
    }
    // A third site's social services, and the sending site's own, see nothing of what was sent to
    // the receiving site; the receiving site's social services see nothing of the sending file.
    const third = await createSite(db, { name: "Göteborg (test)" });
    const strangers = [actorOf(await createUser(db, { siteId: third.id, role: "SOCIAL" })), w.actors.SOCIAL];
    for (const stranger of strangers)
      for (const check of ["listIncoming", "readIncoming", "declineIncoming", "acceptIncoming"] as const) {
        ctx.label = `stranger ${check}`;
        expect.soft(await TRANSFER_CHECKS[check](stranger, ctx), ctx.label).toBe(false);
      }
    for (const check of ["seeSentTransfer", "withdrawTransfer"] as const) {
      ctx.label = `receiving ${check}`;
      expect.soft(await TRANSFER_CHECKS[check](receiving.SOCIAL, ctx), ctx.label).toBe(false);
    }
  });
});
