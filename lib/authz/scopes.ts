import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, ConsentInfoKind, Role } from "@/lib/generated/prisma/enums";
import { NotFoundError } from "@/lib/errors";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { AGENCY_OF_ROLE, type Actor } from "./actor";
import { COVERAGE } from "./consent-coverage";
import { grantFor, type Action, type Resource, type Scope } from "./permissions";

/*
 * Prisma `where` and `select` builders: the permission map (permissions.ts) applied to queries.
 * Every list, detail page, search, export, count and dashboard builds its query from these, so a
 * list and a detail page can never disagree. All are scoped to the actor's site.
 */

/**
 * Throws NotFoundError unless the actor's role holds a grant: a denied record looks exactly like a
 * missing one. Returns the grant's scope for the caller's where/select builders.
 */
export function authorize(actor: Actor, resource: Resource, action: Action): Scope {
  const scope = grantFor(actor.role, resource, action);
  if (!scope) throw new NotFoundError(resource);
  return scope;
}

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return grantFor(actor.role, resource, action) !== null;
}

function agencyOf(actor: Actor, resource: Resource): Agency {
  if (!actor.agency) throw new NotFoundError(resource);
  return actor.agency;
}

/**
 * A consent, given and not withdrawn, that covers `kind` of `owner`'s information shown to
 * `viewer`, and that `owner` has confirmed (OSL 10 kap. 1 §, 12 kap. 2 §: the agency that holds
 * the information decides whether the person's consent covers giving it out; docs/decisions/008).
 * A consent recorded by another agency opens nothing of `owner`'s until `owner` confirms it.
 * Withdrawal takes effect at once: it is part of every query, not a cached flag. Queries that show
 * the information select the matching consent's id with this too, for the Disclosure row.
 */
export function coveringConsentWhere(
  owner: Agency,
  kind: ConsentInfoKind,
  viewer: Agency,
  now = new Date(),
): Prisma.ConsentWhereInput {
  return {
    withdrawnAt: null,
    givenOn: { lte: now },
    // A consent given for a time lapses after its last day (Swedish calendar), as if withdrawn.
    OR: [{ validUntil: null }, { validUntil: { gte: todayDateOnly(now) } }],
    coverage: { some: { fromAgency: owner, kind, toAgency: viewer } },
    confirmations: { some: { agency: owner, status: "CONFIRMED" } },
  };
}

/** The person has a consent covering `kind` of `owner`'s information for `viewer` (see coveringConsentWhere). */
export function consentCovers(
  owner: Agency,
  kind: ConsentInfoKind,
  viewer: Agency,
  now = new Date(),
): Prisma.PersonWhereInput {
  return { consents: { some: coveringConsentWhere(owner, kind, viewer, now) } };
}

const LIVE_PERSON: Prisma.PersonWhereInput = { anonymisedAt: null };

// ───────────── people and groups ─────────────

/** People of the actor's site who have not been anonymised. */
export function personWhere(actor: Actor, action: Action = "read"): Prisma.PersonWhereInput {
  authorize(actor, "person", action);
  return { siteId: actor.siteId, ...LIVE_PERSON };
}

/**
 * After a relocation, a protected person's new town and address are for the social services
 * staff handling them (an active SOCIAL assignment) only: never lists, exports or other agencies.
 */
export function protectedLocationWhere(actor: Actor): Prisma.PersonWhereInput | null {
  if (actor.role !== "SOCIAL") return null;
  return { assignments: { some: { userId: actor.id, agency: HANDLING_AGENCY, endedAt: null } } };
}

/** protectedLocationWhere's handler: an active assignment of the actor's own, as social services. */
const HANDLING_AGENCY = "SOCIAL";

/**
 * Who sees a person's town and address after a relocation: social services' information. While the
 * identity is protected, only the social secretaries handling the person (protectedLocationWhere);
 * otherwise social services' staff of the site. Null: the actor sees neither.
 */
export function personLocationWhere(actor: Actor, isProtected: boolean): Prisma.PersonWhereInput | null {
  if (!can(actor, "identityProtection", "read")) return null;
  return isProtected ? protectedLocationWhere(actor) : {};
}

/**
 * personLocationWhere as a rule on a row already read with its active assignments: the town and
 * address are shown when the person is not protected and the actor is social services, or when
 * protected and the actor handles the person, as protectedLocationWhere says (the same role, the
 * same assignment: the actor's own, as social services).
 */
export function canSeePersonLocation(
  actor: Actor,
  { isProtected, activeAssignments }: { isProtected: boolean; activeAssignments: { userId: string; agency: string }[] },
): boolean {
  if (!can(actor, "identityProtection", "read")) return false;
  if (!isProtected) return true;
  return (
    actor.role === "SOCIAL" && activeAssignments.some((a) => a.userId === actor.id && a.agency === HANDLING_AGENCY)
  );
}

/**
 * Whom the actor may protect (`protect`) or stop protecting (`end`): protected identity is social
 * services' decision. Any social secretary who may open the file may protect a person (it only
 * narrows who sees the town); only one handling the person, who alone sees the protected town and
 * address, may end the protection (it widens who sees them).
 */
export function identityProtectionWhere(actor: Actor, change: "protect" | "end"): Prisma.PersonWhereInput {
  authorize(actor, "identityProtection", "update");
  const base = personWhere(actor, "update");
  if (change === "protect") return base;
  const handler = protectedLocationWhere(actor);
  if (!handler) throw new NotFoundError("identityProtection");
  return { AND: [base, handler] };
}

/**
 * Coordinator assignments: every agency sees who coordinates a person (the caseload gate and the
 * people filter depend on it); each agency adds and ends only its own agency's assignments.
 */
export function assignmentWhere(actor: Actor, action: Action = "read"): Prisma.AssignmentWhereInput {
  authorize(actor, "person", action);
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (action === "list" || action === "read") return base;
  return { ...base, agency: agencyOf(actor, "person") };
}

export function groupWhere(actor: Actor, action: Action = "read"): Prisma.GroupWhereInput {
  authorize(actor, "group", action);
  return { siteId: actor.siteId };
}

/** Conflicts and alliances between groups of the actor's site (the group audit). */
export function groupRelationWhere(actor: Actor, action: Action = "read"): Prisma.GroupRelationWhereInput {
  authorize(actor, "groupRelation", action);
  return { siteId: actor.siteId };
}

export function membershipWhere(actor: Actor, action: Action = "read"): Prisma.MembershipWhereInput {
  authorize(actor, "person", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

// ───────────── the joint activities ─────────────

export function notificationWhere(actor: Actor, action: Action = "read"): Prisma.CustomNotificationWhereInput {
  authorize(actor, "notification", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

export function callInWhere(actor: Actor, action: Action = "read"): Prisma.CallInWhereInput {
  authorize(actor, "callIn", action);
  return { siteId: actor.siteId };
}

/** Invitees of call-ins the actor may see, never anonymised people. */
export function callInInviteeWhere(actor: Actor, action: Action = "read"): Prisma.CallInInviteeWhereInput {
  authorize(actor, "callIn", action);
  return { callIn: { siteId: actor.siteId }, person: LIVE_PERSON };
}

// ───────────── rounds, planned visits, warning flags (issue 15) ─────────────

/** Rounds of custom notifications: the site's, for the three agencies. */
export function roundWhere(actor: Actor, action: Action = "read"): Prisma.NotificationRoundWhereInput {
  authorize(actor, "round", action);
  return { siteId: actor.siteId };
}

/** The people a round sets out to visit, never anonymised ones. */
export function roundPersonWhere(actor: Actor, action: Action = "read"): Prisma.RoundPersonWhereInput {
  authorize(actor, "round", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

/** Planned custom notifications of the site (the joint work), never about anonymised people. */
export function plannedVisitWhere(actor: Actor, action: Action = "read"): Prisma.PlannedVisitWhereInput {
  authorize(actor, "plannedVisit", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

/**
 * Warning flags: every agency of the site sees them (kind, dates, agency); setting and ending one
 * is for the agency that set it (permissions.ts, warningFlag). The reason: warningFlagReasonVisible.
 */
export function warningFlagWhere(actor: Actor, action: Action = "read"): Prisma.WarningFlagWhereInput {
  const scope = authorize(actor, "warningFlag", action);
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (scope === "ownAgency") return { ...base, agency: agencyOf(actor, "warningFlag") };
  return base;
}

/** A flag's reason is its setting agency's information: shown to that agency's users only. */
export function warningFlagReasonVisible(actor: Actor, flagAgency: Agency): boolean {
  return can(actor, "warningFlag", "read") && actor.agency === flagAgency;
}

/** Colleagues of the actor's site that may be named as participants in joint activities. */
export function colleagueWhere(actor: Actor): Prisma.UserWhereInput {
  authorize(actor, "notification", "create");
  return { siteId: actor.siteId, isActive: true, role: { in: ["POLICE", "SOCIAL", "PROBATION"] } };
}

/**
 * Who may be made a person's coordinator by the actor: active users of the actor's site whose role
 * works for the actor's own agency (a coordinator is always of the assigning agency).
 */
export function coordinatorCandidateWhere(actor: Actor): Prisma.UserWhereInput {
  authorize(actor, "person", "update");
  const agency = agencyOf(actor, "person");
  const roles = (Object.keys(AGENCY_OF_ROLE) as Role[]).filter((role) => AGENCY_OF_ROLE[role] === agency);
  return { siteId: actor.siteId, isActive: true, role: { in: roles } };
}

// ───────────── the defector programme (social services' information) ─────────────

/** Referrals: social services all of the site; police and probation only with consent. */
export function referralWhere(actor: Actor, action: Action = "read"): Prisma.ReferralWhereInput {
  const scope = authorize(actor, "referral", action);
  if (scope === "site") return { siteId: actor.siteId, person: LIVE_PERSON };
  return {
    siteId: actor.siteId,
    person: { ...LIVE_PERSON, ...consentCovers("SOCIAL", "REFERRAL_STATUS", agencyOf(actor, "referral")) },
  };
}

/** Whether the actor sees referrals (and support measures) as status only. */
export function isStatusOnly(actor: Actor, resource: "referral" | "supportMeasure"): boolean {
  return grantFor(actor.role, resource, "read") === "statusWithConsent";
}

/** Status only: that there is a referral, where it stands and when; nothing of its content. */
export const REFERRAL_STATUS_SELECT = {
  id: true,
  personId: true,
  status: true,
  statusChangedAt: true,
  referredAt: true,
  closedAt: true,
} satisfies Prisma.ReferralSelect;

export function supportMeasureWhere(actor: Actor, action: Action = "read"): Prisma.SupportMeasureWhereInput {
  const scope = authorize(actor, "supportMeasure", action);
  if (scope === "site") return { siteId: actor.siteId, person: LIVE_PERSON };
  return {
    siteId: actor.siteId,
    person: { ...LIVE_PERSON, ...consentCovers("SOCIAL", "SUPPORT_MEASURE_STATUS", agencyOf(actor, "supportMeasure")) },
  };
}

/** Status only: neither the kind of measure, its outcome nor (least of all) a destination town. */
export const SUPPORT_MEASURE_STATUS_SELECT = {
  id: true,
  referralId: true,
  personId: true,
  status: true,
  startsOn: true,
  endsOn: true,
} satisfies Prisma.SupportMeasureSelect;

// ───────────── follow-ups (probation's information; social services' own) ─────────────

/**
 * Follow-ups: an agency always sees its own; another agency's (probation's for social services,
 * social services' for probation) only while a consent that the holding agency confirmed covers
 * them; the police none. Creating and editing: the actor's own agency's follow-ups only, consent
 * or not.
 */
export function followUpWhere(actor: Actor, action: Action = "read"): Prisma.FollowUpWhereInput {
  const scope = authorize(actor, "followUp", action);
  const agency = agencyOf(actor, "followUp");
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (scope === "site") return base;
  if (scope === "ownAgency") return { ...base, agency };
  return {
    ...base,
    OR: [
      { agency },
      ...COVERAGE.filter((c) => c.kind === "FOLLOW_UP" && c.to === agency).map(({ from }) => ({
        agency: from,
        person: { ...LIVE_PERSON, ...consentCovers(from, "FOLLOW_UP", agency) },
      })),
    ],
  };
}

// ───────────── the individual plan (issue 15) ─────────────

/** The plan's header (goals, review date): the joint record of the three agencies of the site. */
export function planWhere(actor: Actor, action: Action = "read"): Prisma.IndividualPlanWhereInput {
  authorize(actor, "plan", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

/**
 * A plan's measures, each its owner agency's information: an agency always sees its own; another
 * agency's only while a consent that the owner confirmed covers PLAN_MEASURE from the owner to
 * the actor's agency (shown as a logged disclosure). Adding and changing: the actor's own agency's
 * measures only, consent or not (consent lets information be shown, never changed).
 */
export function planMeasureWhere(actor: Actor, action: Action = "read"): Prisma.PlanMeasureWhereInput {
  const scope = authorize(actor, "planMeasure", action);
  const agency = agencyOf(actor, "planMeasure");
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (scope === "ownAgency") return { ...base, agency };
  if (scope !== "withConsent") throw new NotFoundError("planMeasure");
  return {
    ...base,
    OR: [
      { agency },
      ...COVERAGE.filter((c) => c.kind === "PLAN_MEASURE" && c.to === agency).map(({ from }) => ({
        agency: from,
        person: { ...LIVE_PERSON, ...consentCovers(from, "PLAN_MEASURE", agency) },
      })),
    ],
  };
}

/**
 * Who may be made responsible for a measure the actor's agency owns: active users of the site
 * whose role works for that agency (a measure's responsible is always of its owner agency).
 */
export function planResponsibleWhere(actor: Actor): Prisma.UserWhereInput {
  authorize(actor, "planMeasure", "create");
  const agency = agencyOf(actor, "planMeasure");
  const roles = (Object.keys(AGENCY_OF_ROLE) as Role[]).filter((role) => AGENCY_OF_ROLE[role] === agency);
  return { siteId: actor.siteId, isActive: true, role: { in: roles } };
}

// ───────────── coordination meetings (issue 15) ─────────────

/** Meetings of the actor's site: the joint work of the three agencies (who, when, where, whom). */
export function meetingWhere(actor: Actor, action: Action = "read"): Prisma.CoordinationMeetingWhereInput {
  authorize(actor, "meeting", action);
  return { siteId: actor.siteId };
}

/** People on the agendas of the site's meetings, never anonymised ones. */
export function agendaItemWhere(actor: Actor, action: Action = "read"): Prisma.MeetingAgendaItemWhereInput {
  authorize(actor, "meeting", action);
  return { meeting: { siteId: actor.siteId }, person: LIVE_PERSON };
}

/**
 * Minutes: the actor's own agency's only, like internal notes. No consent opens another agency's
 * minutes: what an agency says in the meeting is for its own file.
 */
export function meetingMinutesWhere(actor: Actor, action: Action = "read"): Prisma.MeetingMinutesWhereInput {
  authorize(actor, "meetingMinutes", action);
  return { siteId: actor.siteId, agency: agencyOf(actor, "meetingMinutes"), person: LIVE_PERSON };
}

/** The consent branches of JOINT_DECISION shown to `agency`: one per recording agency (COVERAGE). */
function jointDecisionCoverage(agency: Agency) {
  return COVERAGE.filter((c) => c.kind === "JOINT_DECISION" && c.to === agency).map(({ from }) => ({
    from,
    person: { ...LIVE_PERSON, ...consentCovers(from, "JOINT_DECISION", agency) },
  }));
}

/**
 * Joint decisions: the recording agency always; another agency only while a consent that the
 * recording agency confirmed covers JOINT_DECISION from it to the viewer (docs/decisions/008).
 * Recording one is the actor's own agency's.
 */
export function meetingDecisionWhere(actor: Actor, action: Action = "read"): Prisma.MeetingDecisionWhereInput {
  const scope = authorize(actor, "meetingDecision", action);
  const agency = agencyOf(actor, "meetingDecision");
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (scope === "ownAgency") return { ...base, recordedByAgency: agency };
  return {
    ...base,
    OR: [
      { recordedByAgency: agency },
      ...jointDecisionCoverage(agency).map(({ from, person }) => ({ recordedByAgency: from, person })),
    ],
  };
}

/**
 * Tasks from joint decisions: seen as their decision is (the recording agency; another under
 * consent), and always by the agency that owns the task and the user responsible for it, who have
 * to do it. Marking one done (update) is the owning agency's alone.
 */
export function taskWhere(actor: Actor, action: Action = "read"): Prisma.TaskWhereInput {
  const scope = authorize(actor, "task", action);
  const agency = agencyOf(actor, "task");
  const base = { siteId: actor.siteId, person: LIVE_PERSON };
  if (scope === "ownAgency") return { ...base, ownerAgency: agency };
  return {
    ...base,
    OR: [
      { ownerAgency: agency },
      { responsibleId: actor.id },
      { decision: { recordedByAgency: agency } },
      ...jointDecisionCoverage(agency).map(({ from, person }) => ({ decision: { recordedByAgency: from }, person })),
    ],
  };
}

/**
 * Colleagues a meeting may name (its participants) and a task may be given to: active users of the
 * actor's site in the three agencies. A task's owning agency is its responsible user's.
 */
export function meetingColleagueWhere(actor: Actor): Prisma.UserWhereInput {
  authorize(actor, "meeting", "read");
  return { siteId: actor.siteId, isActive: true, role: { in: ["POLICE", "SOCIAL", "PROBATION"] } };
}

// ───────────── enforcement and incidents ─────────────

/**
 * Enforcement actions: the police's. Social services and probation learn only that a person is
 * deprived of liberty (Person.status), never the actions: for them this throws NotFoundError.
 */
export function enforcementWhere(actor: Actor, action: Action = "read"): Prisma.EnforcementActionWhereInput {
  const scope = authorize(actor, "enforcement", action);
  if (scope !== "site") throw new NotFoundError("enforcement");
  return { siteId: actor.siteId, OR: [{ personId: null }, { person: LIVE_PERSON }] };
}

export function incidentWhere(actor: Actor, action: Action = "read"): Prisma.IncidentWhereInput {
  authorize(actor, "incident", action);
  return { siteId: actor.siteId };
}

/** Managers see incidents as events, without the people linked to them. */
export function canSeeIncidentPeople(actor: Actor): boolean {
  return can(actor, "person", "read");
}

// ───────────── consent, notes, users, audit ─────────────

export function consentWhere(actor: Actor, action: Action = "read"): Prisma.ConsentWhereInput {
  authorize(actor, "consent", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

/**
 * The holding agencies' confirmations of consents (docs/decisions/008): every agency sees where
 * each consent stands; only the holding agency itself answers its own request, since the
 * decision whether the consent covers giving out its information is that agency's alone.
 */
export function consentConfirmationWhere(actor: Actor, action: Action = "read"): Prisma.ConsentConfirmationWhereInput {
  authorize(actor, "consent", action);
  const base = { consent: { siteId: actor.siteId, person: LIVE_PERSON } };
  if (action === "list" || action === "read") return base;
  return { ...base, agency: agencyOf(actor, "consent") };
}

/** Internal notes: the actor's own agency's only, whatever the record. */
export function internalNoteWhere(actor: Actor, action: Action = "read"): Prisma.InternalNoteWhereInput {
  authorize(actor, "internalNote", action);
  return { siteId: actor.siteId, agency: agencyOf(actor, "internalNote") };
}

export function userWhere(actor: Actor, action: Action = "read"): Prisma.UserWhereInput {
  authorize(actor, "user", action);
  return { siteId: actor.siteId };
}

export function auditEventWhere(actor: Actor, action: Action = "list"): Prisma.AuditEventWhereInput {
  const scope = authorize(actor, "auditLog", action);
  return scope === "ownActions" ? { siteId: actor.siteId, actorId: actor.id } : { siteId: actor.siteId };
}

/**
 * People as ADMIN meets them: whose whole record to compile (register extract), whom to review for
 * retention, whose name to show beside the audit events about them. The actor's site, anonymised
 * people included (what is left of them). Not a working view: the people pages stay closed to ADMIN,
 * and a grant narrower than the whole site (an agency's own audit events) does not count.
 */
export function personAdministrationWhere(
  actor: Actor,
  resource: "registerExtract" | "retention" | "auditLog",
  action: Action,
): Prisma.PersonWhereInput {
  if (authorize(actor, resource, action) !== "site") throw new NotFoundError(resource);
  return { siteId: actor.siteId };
}

/**
 * Register extract requests of the actor's site. Deciding one (update) is for someone other than
 * who registered it: the four-eyes rule is part of the scope, not only of the mutation, so no
 * query path can decide one's own request (and the database refuses it too).
 */
export function extractRequestWhere(actor: Actor, action: Action = "read"): Prisma.RegisterExtractRequestWhereInput {
  if (authorize(actor, "registerExtract", action) !== "site") throw new NotFoundError("registerExtract");
  if (action === "update") return { siteId: actor.siteId, registeredById: { not: actor.id } };
  return { siteId: actor.siteId };
}

/** Aggregates (dashboards, counts for managers): the actor's site, small numbers suppressed. */
export function statisticsSiteId(actor: Actor, action: Action = "read"): string {
  authorize(actor, "statistics", action);
  return actor.siteId;
}

/**
 * The national view (issue 16): the sites whose figures the actor may see side by side, as bands
 * (docs/decisions/015). Only the "allSites" grant reaches beyond the actor's own site, and only
 * for aggregates; every other builder here stays within actor.siteId.
 */
export function nationalSitesWhere(actor: Actor, action: Action = "read"): Prisma.SiteWhereInput {
  if (authorize(actor, "nationalDashboard", action) !== "allSites") throw new NotFoundError("nationalDashboard");
  return {};
}

// ───────────── vetted access (issue 14) ─────────────

/** The site's confidentiality pledge: every role reads it, ADMIN publishes a new version. */
export function pledgeWhere(actor: Actor, action: Action = "read"): Prisma.ConfidentialityPledgeWhereInput {
  authorize(actor, "pledge", action);
  return { siteId: actor.siteId };
}

/** Acceptances of the site's pledge: one's own to make; ADMIN sees everyone's at the site. */
export function pledgeAcceptanceWhere(actor: Actor, action: Action = "list"): Prisma.PledgeAcceptanceWhereInput {
  const scope = authorize(actor, "pledgeAcceptance", action);
  return scope === "own"
    ? { userId: actor.id, pledge: { siteId: actor.siteId } }
    : { pledge: { siteId: actor.siteId } };
}

/** The needs-and-risk notes per role of the site (ADMIN). */
export function roleNeedsNoteWhere(actor: Actor, action: Action = "read"): Prisma.RoleNeedsNoteWhereInput {
  authorize(actor, "roleNeeds", action);
  return { siteId: actor.siteId };
}

/** Access reviews made at the site (MANAGER, ADMIN). */
export function accessReviewWhere(actor: Actor, action: Action = "list"): Prisma.AccessReviewWhereInput {
  authorize(actor, "accessReview", action);
  return { siteId: actor.siteId };
}

/**
 * The accounts the actor reviews: the site's (MANAGER, ADMIN). Deciding (create) is for another
 * account than one's own, in the scope as the register extract's four eyes are: nobody confirms
 * their own access (the mutation says so first, in words).
 */
export function reviewedUserWhere(actor: Actor, action: Action = "list"): Prisma.UserWhereInput {
  authorize(actor, "accessReview", action);
  if (action === "create") return { siteId: actor.siteId, id: { not: actor.id } };
  return { siteId: actor.siteId };
}

// ───────────── moving a file with the person (issue 16) ─────────────

/**
 * Transfers the actor's site sent: social services ask for one (create), see where it stands, and
 * withdraw one not yet answered (update). Never about an anonymised person.
 */
export function fileTransferOutWhere(actor: Actor, action: Action = "read"): Prisma.FileTransferWhereInput {
  authorize(actor, "fileTransfer", action);
  return { siteId: actor.siteId, person: LIVE_PERSON };
}

/**
 * Transfers sent to the actor's site: the one place where anything of another site is read
 * (docs/decisions/016). Only the receiving site's social services, only the transfers addressed
 * to their site, and from them only what the transfer needs (lib/transfers/queries.ts): the
 * name, birth date and masked personnummer for the duplicate check, the sending site, and, when
 * accepting, the records the transfer carries. Every such read is audited with the sending
 * record's person id and the transfer's id.
 */
export function fileTransferInWhere(actor: Actor, action: Action = "read"): Prisma.FileTransferWhereInput {
  authorize(actor, "fileTransfer", action);
  return { toSiteId: actor.siteId, person: LIVE_PERSON };
}

/**
 * Where a moved file went, on the sending site's closed record: the site of the person's new town.
 * While the identity is protected that is social services' information (as a relocation's town
 * is): shown only to the sending site's social services. Nobody at the sending site handles the
 * person any more (the transfer ends the assignments), so "social services of the site" is the
 * narrowest group that can still answer "where did the file go".
 */
export function canSeeTransferDestination(actor: Actor, isProtected: boolean): boolean {
  if (!can(actor, "person", "read")) return false;
  return !isProtected || can(actor, "identityProtection", "read");
}
