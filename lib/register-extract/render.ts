import { labelOrKey, type Labels } from "@/lib/labels";
import type { ExtractLabel, ExtractSection, ExtractValue } from "./sections";

/*
 * How an extract's values read for a person, on the printable page and in the CSV file: each code
 * by its label (messages/<locale>/enums.json), as the section says which list a field's codes are
 * of. The JSON file keeps the codes, for a machine. No `server-only`: pure, and unit-tested.
 */

export type { Labels } from "@/lib/labels";

/** How the page and the file write a point in time and a calendar date (given as YYYY-MM-DD). */
export type TimeFormat = { instant: (date: Date) => string; day: (isoDay: string) => string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A field's name; a field named after a step of the referral takes that step's label. */
export function extractFieldLabel(labels: Labels, field: string): string {
  if (field === "referredAt") return labels("referralStatus.REFERRED");
  return labelOrKey(labels, "extract.fields", field);
}

export function extractSectionTitle(labels: Labels, key: string): string {
  return labelOrKey(labels, "extract.sections", key);
}

function labelled(labels: Labels, how: ExtractLabel, value: string, time: TimeFormat): string {
  if (typeof how === "object")
    return value
      .split(", ")
      .map((v) => labelOrKey(labels, how.list, v))
      .join(", ");
  if (how === "consentCoverage")
    // holding agency : kind of information : receiving agency (sections.ts, consents)
    return value
      .split(", ")
      .map((item) => {
        const [from = "", kind = "", to = ""] = item.split(":");
        return labels("consent.coverageItem", {
          from: labelOrKey(labels, "agencies", from),
          to: labelOrKey(labels, "agencies", to),
          kind: labelOrKey(labels, "consentInfoKind", kind),
        });
      })
      .join("; ");
  if (how === "consentConfirmations")
    // agency : status [: decided at, ISO UTC] (sections.ts, consents)
    return value
      .split(", ")
      .map((item) => {
        const [agency = "", status = "", ...at] = item.split(":");
        const values = {
          agency: labelOrKey(labels, "agencies", agency),
          status: labelOrKey(labels, "consentConfirmationStatus", status),
        };
        return at.length > 0
          ? labels("extract.confirmationAt", { ...values, date: time.instant(new Date(at.join(":"))) })
          : labels("extract.confirmation", values);
      })
      .join("; ");
  return labelOrKey(labels, how, value);
}

/** One value as a person reads it: "–" for nothing, Ja/Nej, times and dates, codes by their labels. */
export function showExtractValue(
  labels: Labels,
  section: Pick<ExtractSection, "labels">,
  field: string,
  value: ExtractValue,
  time: TimeFormat,
): string {
  if (value === null || value === "") return "–";
  if (typeof value === "boolean") return value ? labels("extract.yes") : labels("extract.no");
  if (typeof value === "number") return String(value);
  const how = section.labels[field];
  if (how) return labelled(labels, how, value, time);
  if (ISO_INSTANT.test(value)) return time.instant(new Date(value));
  if (ISO_DAY.test(value)) return time.day(value);
  return value;
}
