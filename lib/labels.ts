import * as PrismaEnums from "@/lib/generated/prisma/enums";
import { AUDIT_ENTITY_TYPES } from "@/lib/audit/entities";
import { ACCESS_REASON_CODES } from "@/lib/caseload-gate/reasons";

/*
 * Where each code a user sees gets its name: one namespace of messages/<locale>/enums.json per
 * closed list, and no other catalogue key names a code (tests/unit/labels.test.ts). One status
 * used to have up to four Swedish names across the referral page, the timeline, the consent page,
 * the dashboard and the extract; a text that says more than the bare label ("Anvisad {date}")
 * takes the label as a value instead of spelling the word again. No `server-only`: the test and
 * the CSV exports read it.
 */

type PrismaEnumName = {
  [K in keyof typeof PrismaEnums]: (typeof PrismaEnums)[K] extends Record<string, string> ? K : never;
}[keyof typeof PrismaEnums];

/** Each Prisma enum's namespace in enums.json, or why no user ever sees its codes. */
export const PRISMA_ENUM_LABELS = {
  Role: "roles",
  Agency: "agencies",
  PersonStatus: "personStatus",
  IdentityNumberKind: "identityNumberKind",
  MembershipRole: "membershipRole",
  Confidence: "confidence",
  GroupRelationKind: "relationKind",
  PlaceType: "placeType",
  NotificationOutcome: "outcome",
  PersonResponse: "response",
  InviteeStatus: "inviteeStatus",
  SpeakerKind: "speakerKind",
  ReferralStatus: "referralStatus",
  ReferralSource: "referralSource",
  SupportMeasureType: "supportMeasureType",
  SupportMeasureStatus: "supportMeasureStatus",
  ContactType: "contactType",
  EnforcementActionType: "enforcementType",
  IncidentType: "incidentType",
  GroupMemberInvolvement: "gmi",
  IncidentPersonRole: "incidentPersonRole",
  IncidentGroupRole: "incidentGroupRole",
  DisclosureBasis: "disclosureBasis",
  AuditAction: "auditActions",
  ConsentInfoKind: "consentInfoKind",
  ConsentConfirmationStatus: "consentConfirmationStatus",
  ContactKind: { hidden: "the dashboard's summary tables only: the page names its figures itself" },
  FormSubmissionStatus: { hidden: "bookkeeping of a form retry (lib/form-submissions.ts), never shown" },
  ExtractRequester: "extractRequesters",
  IdentityCheck: "identityChecks",
  ExtractRequestStatus: "extractRequestStatuses",
  ClientAuthMethod: "clientAuthMethods",
  AccessReviewDecision: "accessReviewDecisions",
  PlanMeasureStatus: "planMeasureStatus",
  WarningFlagKind: "warningFlagKinds",
  MeetingStatus: "meetingStatus",
  TaskStatus: "taskStatus",
  FileTransferStatus: "fileTransferStatus",
} as const satisfies Record<PrismaEnumName, string | { hidden: string }>;

/** Closed lists kept in code rather than in the schema, with their namespaces. */
export const CODE_LIST_LABELS = {
  auditEntities: AUDIT_ENTITY_TYPES,
  accessReasons: ACCESS_REASON_CODES,
} as const;

/** next-intl's translator for the whole catalogue (or anything with its shape). */
export type Labels = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

/**
 * The label of `namespace.key`, or the key itself: an unknown code (an old row from before the
 * closed lists) is shown as it is, never dropped, in the CSV files and the register extract.
 */
export function labelOrKey(labels: Labels, namespace: string, key: string): string {
  return labels.has(`${namespace}.${key}`) ? labels(`${namespace}.${key}`) : key;
}

type Shown<T> = T extends string ? T : never;
export type LabelNamespace = Shown<(typeof PRISMA_ENUM_LABELS)[PrismaEnumName]> | keyof typeof CODE_LIST_LABELS;

/** Every labelled list: its namespace and its codes. */
export function labelledLists(): { namespace: LabelNamespace; source: string; codes: readonly string[] }[] {
  const lists: { namespace: LabelNamespace; source: string; codes: readonly string[] }[] = [];
  for (const [name, label] of Object.entries(PRISMA_ENUM_LABELS)) {
    if (typeof label !== "string") continue;
    lists.push({
      namespace: label,
      source: `prisma enum ${name}`,
      codes: Object.values(PrismaEnums[name as PrismaEnumName]),
    });
  }
  for (const [namespace, codes] of Object.entries(CODE_LIST_LABELS))
    lists.push({ namespace: namespace as LabelNamespace, source: `code list ${namespace}`, codes });
  return lists;
}

/**
 * A closed list as the options of a select, radio or checkbox group: every code in the list's
 * order with its one label (`label` is the list's translator, e.g. getTranslations("outcome")).
 * Every form and filter that offers codes builds its options here, so none names a code itself.
 */
export function enumOptions<C extends string>(
  codes: readonly C[],
  label: (code: C) => string,
): { value: C; label: string }[] {
  return codes.map((value) => ({ value, label: label(value) }));
}
