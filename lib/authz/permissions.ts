import type { Role } from "@/lib/generated/prisma/enums";

/**
 * docs/confidentiality.md's table as data: the only statement of who may do what. Every data
 * function asks `grantFor`; nothing else in the code base decides access. An absent entry denies.
 */
export const RESOURCES = [
  "person",
  "group",
  "notification",
  "callIn",
  "referral",
  "supportMeasure",
  "followUp",
  "enforcement",
  "incident",
  "consent",
  "internalNote",
  "auditLog",
  "user",
  "statistics",
  // Personal-data administration (issue 4): answering an access request, retention review.
  "registerExtract",
  "retention",
  // Protected identity (skyddade personuppgifter): social services' decision, set and ended on the
  // person's file; its town and address are shown only to the social secretaries handling them.
  "identityProtection",
  // Vetted access (issue 14, IMY 2020-12-03: access limited to need, analysed and reviewed): the
  // confidentiality pledge and who accepted it, the needs-and-risk note per role, the access review.
  "pledge",
  "pledgeAcceptance",
  "roleNeeds",
  "accessReview",
  // The individual plan (issue 15): its header (the joint goals and review date) is the three
  // agencies' shared record; each measure is its owner agency's information.
  "plan",
  "planMeasure",
  // The group audit (issue 15): conflicts and alliances between groups. About groups, not about
  // any one person, so the three agencies share them like the groups themselves.
  "groupRelation",
  // The joint work planned ahead (issue 15): rounds of custom notifications and the people they
  // set out to visit, planned visits with their teams, warning flags on people.
  "round",
  "plannedVisit",
  "warningFlag",
  // The coordination meeting (issue 15): the meeting and its agenda are the site's joint work;
  // each agency's minutes are its own alone; a joint decision and the tasks it becomes are the
  // recording agency's information, shown to another agency under consent (JOINT_DECISION).
  "meeting",
  "meetingMinutes",
  "meetingDecision",
  "task",
  // The national view (issue 16): the dashboard's figures of every site, side by side and summed,
  // as bands (docs/decisions/015). Counts only: no person, no site's records.
  "nationalDashboard",
  // Moving a file with the person (issue 16): the sending site's social services send a person's
  // file to another site's; the receiving site's social services see what is sent to them and
  // take it over or decline. The one thing that crosses sites (docs/decisions/016).
  "fileTransfer",
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ["list", "read", "create", "update", "delete", "export"] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches (always within the actor's own site):
 * - site: every record of the site
 * - ownAgency: records written by the actor's own agency (notes; follow-ups one records or edits;
 *   meeting minutes; for a task, the agency that owns it and alone marks it done)
 * - withConsent: the actor's own agency's records, and another agency's only while the person's
 *   consent covers both agencies
 * - statusWithConsent: as withConsent, and only the status fields
 * - libertyFlagOnly: only whether the person is deprived of liberty, never the actions themselves
 * - ownActions: the actor's own audit events
 * - aggregate: counts only, small numbers suppressed
 * - own: the actor's own record (their acceptance of the pledge)
 * - allSites: counts of every site, in bands (the national view; the one grant that leaves the
 *   actor's own site, and only for aggregates)
 */
export type Scope =
  | "site"
  | "ownAgency"
  | "withConsent"
  | "statusWithConsent"
  | "libertyFlagOnly"
  | "ownActions"
  | "aggregate"
  | "own"
  | "allSites";

type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const ALL = (scope: Scope) =>
  ({ list: scope, read: scope, create: scope, update: scope, delete: scope, export: scope }) as const;
const READ = (scope: Scope) => ({ list: scope, read: scope, export: scope }) as const;

// The joint work all three agencies share.
const AGENCY_SHARED: Grants = {
  person: ALL("site"),
  group: ALL("site"),
  // Recorded, read and ended (update) by the agencies; never deleted: an ended relation is history.
  groupRelation: { ...READ("site"), create: "site", update: "site" },
  notification: ALL("site"),
  callIn: ALL("site"),
  incident: READ("site"),
  consent: { list: "site", read: "site", create: "site", update: "site" },
  internalNote: ALL("ownAgency"),
  auditLog: { list: "ownActions", read: "ownActions" },
  statistics: { read: "aggregate" },
  // The individual plan's header holds the goals agreed with the person at the joint meeting, no
  // agency's own information: any of the three agencies of the site reads and edits it. Its
  // measures are each the owner agency's: another agency reads them only under the person's
  // consent (PLAN_MEASURE, confirmed by the owner), and only the owner adds or changes them.
  plan: { list: "site", read: "site", create: "site", update: "site" },
  planMeasure: { list: "withConsent", read: "withConsent", create: "ownAgency", update: "ownAgency" },
  // Rounds and planned visits are the joint activity planned ahead: like notifications, the site's.
  round: ALL("site"),
  plannedVisit: ALL("site"),
  /*
   * Warning flags (varning): a confidentiality decision (docs/confidentiality.md). The kind, the
   * dates and the agency that set a flag are shown to every agency of the site: whoever goes on a
   * joint visit must know that the person threatened staff, keeps a dog or that two must go. The
   * reason is the setting agency's own: it may be drawn from that agency's secret information (a
   * police intelligence report, a social services case), so it is selected only for that agency
   * (scopes.ts#warningFlagReasonVisible). Only the setting agency sets and ends its flags.
   */
  warningFlag: { list: "site", read: "site", create: "ownAgency", update: "ownAgency" },
  // The coordination meeting: when, where, who and whom it is about is joint work; what each agency
  // says about a person there is its own (minutes: never another agency's, consent or not). A
  // decision is recorded by one agency and shown to the others under consent; its tasks are also
  // always shown to the agency that owns them, which alone marks them done. Neither is deleted:
  // they are the record of what was agreed.
  meeting: { ...READ("site"), create: "site", update: "site" },
  meetingMinutes: { ...READ("ownAgency"), create: "ownAgency", update: "ownAgency" },
  meetingDecision: { ...READ("withConsent"), create: "ownAgency" },
  task: { ...READ("withConsent"), create: "ownAgency", update: "ownAgency" },
};

// Everyone reads their site's confidentiality pledge and accepts it themselves before any work.
const PLEDGE_TAKER: Grants = {
  pledge: { read: "site" },
  pledgeAcceptance: { create: "own" },
};

export const PERMISSIONS: Record<Role, Grants> = {
  POLICE: {
    ...AGENCY_SHARED,
    ...PLEDGE_TAKER,
    referral: READ("statusWithConsent"),
    supportMeasure: READ("statusWithConsent"),
    enforcement: ALL("site"),
    incident: ALL("site"),
  },
  SOCIAL: {
    ...AGENCY_SHARED,
    ...PLEDGE_TAKER,
    referral: ALL("site"),
    supportMeasure: ALL("site"),
    // Social secretaries record their own follow-ups; probation's they read with consent and never
    // edit (consent lets information be shown, not another agency's record be changed).
    followUp: { ...READ("withConsent"), create: "ownAgency", update: "ownAgency" },
    enforcement: READ("libertyFlagOnly"),
    identityProtection: { read: "site", update: "site" },
    // "site": the transfers the actor's site sent (create, withdraw: update) and those sent to it
    // (list, read, accept or decline: update); scopes.ts#fileTransferOutWhere / fileTransferInWhere.
    fileTransfer: { list: "site", read: "site", create: "site", update: "site" },
  },
  PROBATION: {
    ...AGENCY_SHARED,
    ...PLEDGE_TAKER,
    referral: READ("statusWithConsent"),
    supportMeasure: READ("statusWithConsent"),
    // Follow-ups are probation's own; social services' follow-ups are social services'
    // information (docs/confidentiality.md), so probation reads those only with consent.
    followUp: { ...READ("withConsent"), create: "ownAgency", update: "ownAgency", delete: "ownAgency" },
    enforcement: READ("libertyFlagOnly"),
  },
  MANAGER: {
    ...PLEDGE_TAKER,
    incident: READ("site"),
    statistics: { read: "aggregate", export: "aggregate" },
    // The second pair of eyes on a register extract request: list and read what is needed to
    // decide (who the person is, who asked, how their identity was checked; never case content),
    // and approve or reject it (update). Until the data-protection officer's role exists
    // (docs/decisions/007), the programme's managers hold it.
    registerExtract: { list: "site", read: "site", update: "site" },
    // The periodic access review (issue 14): the programme's managers confirm or remove accounts,
    // seeing who holds which role, their last sign-in and how much they did — never case content.
    accessReview: { list: "site", read: "site", create: "site" },
  },
  ADMIN: {
    ...PLEDGE_TAKER,
    user: ALL("site"),
    auditLog: { list: "site", read: "site", export: "site" },
    // No case work, but the two legal duties that need the whole record of one person: the
    // register extract on a documented access request (GDPR art. 15), and the retention review
    // (docs/decisions/005). Both are logged; neither opens the people pages. The extract needs a
    // request registered here (create) and approved by someone else (MANAGER's update) first.
    registerExtract: { list: "site", read: "site", create: "site", export: "site" },
    retention: { list: "site", read: "site", update: "site" },
    // Vetted access: publishes the pledge (create) and sees who accepted which version (list);
    // keeps the needs-and-risk note per role; reviews accounts like a manager and sets the
    // site's review interval and grace period (update).
    pledge: { read: "site", create: "site" },
    pledgeAcceptance: { list: "site", create: "own" },
    roleNeeds: { list: "site", read: "site", create: "site" },
    accessReview: { list: "site", read: "site", create: "site", update: "site" },
  },
  // The national team of Sluta skjut (issue 16): the dashboard's figures of every site, side by
  // side and summed, in bands (docs/decisions/015), and their CSV. Nothing else: no person, no
  // site's records, not the site dashboard (its caseload table names coordinators), not the audit
  // log, no administration. It reads and accepts its site's confidentiality pledge like everyone.
  NATIONAL: {
    ...PLEDGE_TAKER,
    nationalDashboard: { read: "allSites", export: "allSites" },
  },
};

/** The scope of `role`'s grant for `action` on `resource`, or null: denied. */
export function grantFor(role: Role | undefined | null, resource: Resource, action: Action): Scope | null {
  if (!role) return null;
  return PERMISSIONS[role]?.[resource]?.[action] ?? null;
}
