import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces that client components read (`useTranslations` in a "use client" file):
 * the only part of the catalogue the root layout hands to the browser. The whole catalogue (67 kB
 * of JSON, ~80 kB once escaped into the page) went into every page's RSC payload and HTML, on
 * /people 40 % of the response; serialising, escaping and sending it was per-request work
 * (bench:http's CPU profile, issue 13). Server components read the whole catalogue on the server.
 * tests/unit/client-messages.test.ts keeps this list equal to what the client components use.
 */
export const CLIENT_NAMESPACES = [
  "access",
  "accessReviewDecisions",
  "accessReviewForm",
  "account",
  "audit",
  "callInAttendance",
  "callInForm",
  "consent",
  "coordinators",
  "digestForm",
  "enforcementEdit",
  "enforcementForm",
  "enrol",
  "errorPage",
  "errors",
  "extract",
  "extractRequests",
  "followUpForm",
  "group",
  "groupForm",
  "groupRelations",
  "handover",
  "incidentForm",
  "login",
  "measureForm",
  "meetingForm",
  "membershipForm",
  "newUser",
  "notificationEdit",
  "notificationForm",
  "passwordSignIn",
  "person",
  "personForm",
  "planForm",
  "visitPlanForm",
  "pledgeForm",
  "recovery",
  "referralForm",
  "referralStatusForm",
  "retention",
  "roundForm",
  "roleNeedsForm",
  "transferForm",
  "reveal",
  "unavailable",
  "user",
  "verify",
  "warningFlagForm",
  "warningFlags",
] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}
