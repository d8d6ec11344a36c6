import { sameSitePath } from "@/lib/validation/same-site-path";

/**
 * Why a user opens the file of a person outside their own caseload (docs/decisions/005). A closed
 * list, as in Swedish health records' access control, so the log can be reviewed by reason; the
 * free text adds detail and is required for "other". It is stored in AuditEvent.reason as
 * "CODE" or "CODE: text", which both the log views and an export read without a lookup table.
 */
export const ACCESS_REASON_CODES = [
  "PLANNED_CONTACT",
  "COVERING_COLLEAGUE",
  "JOINT_PLANNING",
  "RISK_ASSESSMENT",
  // A person on the agenda of a coordination meeting the user takes part in (issue 15): given by
  // the meeting page itself, with the meeting's id as the detail, so the log says which meeting.
  "COORDINATION_MEETING",
  "OTHER",
] as const;
export type AccessReasonCode = (typeof ACCESS_REASON_CODES)[number];

/**
 * How long a given reason covers further reads of the same person by the same user. Long enough
 * for one piece of work (read the file, check the consent, log a visit) without being asked at
 * every click; short enough that the reason given is the reason for what is read under it. Every
 * read in the window is still logged, each with the reason. Counted from when the reason was
 * given, not extended by use, so a reason is never carried into the next day's work.
 */
export const ACCESS_GRANT_MINUTES = 30;

export function formatAccessReason(code: AccessReasonCode, text?: string): string {
  return text ? `${code}: ${text}` : code;
}

export function parseAccessReason(reason: string): { code: AccessReasonCode | null; text: string } {
  const m = /^([A-Z_]+)(?::\s?([\s\S]*))?$/.exec(reason);
  const code = m && (ACCESS_REASON_CODES as readonly string[]).includes(m[1]!) ? (m[1] as AccessReasonCode) : null;
  return code ? { code, text: m?.[2] ?? "" } : { code: null, text: reason };
}

/**
 * The other pages behind the gate that a reason may lead back to: a referral, a follow-up, a
 * notification's edit form, and the "new" forms that take `?personId=`. Each checks the gate itself,
 * so returning to one about another person only asks again; the point here is a same-site path.
 */
const OTHER_GATED_PAGES = /^\/(referrals|follow-ups|notifications|enforcement|meetings)\/[A-Za-z0-9/?=&_.-]+$/;

/**
 * Where to go after the reason is given: a page of the same person's file, or one of the pages
 * about one person's records on this site, so the form can never be turned into an open redirect.
 */
export function safeAccessNext(personId: string, next: unknown): string {
  const fallback = `/people/${personId}`;
  if (typeof next !== "string" || next.length > 300) return fallback;
  // The app-wide rule first (control characters, backslashes, other origins, encoded or raw); the
  // browser must request exactly the text checked below, so a path the URL parser would change is refused.
  if (sameSitePath(next) !== next) return fallback;
  if (next.includes("//") || /[\\\s]/.test(next)) return fallback;
  // "." and ".." segments: the browser would resolve them to another page than the one checked.
  if (
    next
      .split(/[?#]/)[0]!
      .split("/")
      .some((segment) => segment === "." || segment === "..")
  )
    return fallback;
  if (OTHER_GATED_PAGES.test(next)) return next;
  if (!next.startsWith(fallback)) return fallback;
  const rest = next.slice(fallback.length);
  if (rest !== "" && !/^[/?]/.test(rest)) return fallback;
  return next;
}
