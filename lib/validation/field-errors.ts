import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** zod issues → one message key per field (the first), keyed by the field's top-level name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (out[field]) continue;
    out[field] = messageKeyOf(issue);
  }
  return out;
}

function messageKeyOf(issue: z.core.$ZodIssue): string {
  // Keys we set ourselves are single camelCase words; zod's own defaults are sentences.
  if (/^[a-z][a-zA-Z]*$/.test(issue.message)) return issue.message;
  if (issue.code === "too_big") return "tooLong";
  if (issue.code === "invalid_type" || issue.code === "invalid_value") return "required";
  return "invalid";
}
