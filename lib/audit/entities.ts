/*
 * What an audit event is about: a closed list, so a review can filter and count by it and every
 * value has a Swedish label on the audit-log pages (tests/unit/audit-entities.test.ts checks both
 * catalogues). Record kinds are named as the Prisma models they are; the rest name a view or a
 * step that is not a row of its own. No `server-only`: the labels' test reads it.
 */
export const AUDIT_ENTITY_TYPES = [
  // People and their records
  "Person",
  "Membership",
  "Assignment",
  "CustomNotification",
  "CallIn",
  "Referral",
  "SupportMeasure",
  "FollowUp",
  "EnforcementAction",
  "Incident",
  "Consent",
  "ConsentConfirmation",
  "Disclosure",
  "Group",
  "GroupRelation",
  // Coordination meetings (issue 15)
  "CoordinationMeeting",
  "MeetingMinutes",
  "MeetingDecision",
  "Task",
  // What another agency sees of a record: its status only
  "ReferralStatus",
  "SupportMeasureStatus",
  // Views and steps that are not records of their own
  "PersonAccess",
  "PersonAccessPrompt",
  "PersonCoordinators",
  "GroupMembers",
  "ReferralBoard",
  "Caseload",
  "Statistics",
  // The user's own list of what is due (issue 15)
  "TodoList",
  // Administration
  "User",
  "AuditEvent",
  "RegisterExtract",
  "RegisterExtractRequest",
  "RetentionReview",
  "SystemSetting",
  // Vetted access (issue 14)
  "ConfidentialityPledge",
  "PledgeAcceptance",
  "RoleNeedsNote",
  "AccessReview",
  // The individual plan (issue 15)
  "IndividualPlan",
  "PlanMeasure",
  // Rounds, planned visits, warning flags (issue 15)
  "NotificationRound",
  "PlannedVisit",
  "WarningFlag",
  // Moving a file with the person (issue 16): a transfer, and the receiving site's list of them
  "FileTransfer",
  "IncomingFileTransfers",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** What a disclosure shows of another agency: a subset of the audit entities. */
export type DisclosedEntityType = Extract<
  AuditEntityType,
  | "Referral"
  | "ReferralStatus"
  | "SupportMeasure"
  | "SupportMeasureStatus"
  | "FollowUp"
  | "PlanMeasure"
  | "MeetingDecision"
  | "Task"
>;
