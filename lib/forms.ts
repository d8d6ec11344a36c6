import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AccessReasonRequiredError, ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";
import { hasForbiddenCharacters } from "@/lib/validation/fields";
import { formDataToObject } from "@/lib/validation/form-data";
import type { FormState } from "@/lib/form-state";

export type { FormState } from "@/lib/form-state";

type FieldErrors = Record<string, string>;

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

/**
 * Fields holding characters no form may carry (lib/validation/fields.ts#hasForbiddenCharacters),
 * checked here for every field of every form, whatever its schema: a bare z.string() in a schema
 * would otherwise let a NUL through to PostgreSQL, which refuses it (a 500 or "unexpected").
 */
function forbiddenCharacterErrors(raw: Record<string, string | string[]>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, value] of Object.entries(raw))
    if ([value].flat().some(hasForbiddenCharacters)) out[field] = "invalidCharacters";
  return out;
}

/**
 * Runs a form's server action: parse with the use case's zod schema, call the domain function,
 * and turn every expected failure into field errors while returning what the user typed.
 * Unexpected errors are logged with an event id, which the user sees instead of any detail.
 * An argument that is not form data (a server action is an endpoint: a client can call it with
 * anything) is answered like any refused form, "unreadableForm", and nothing runs.
 */
export async function handleForm<S extends z.ZodType, R>(
  formData: unknown,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  opts: { arrays?: readonly string[]; onSuccess?: (result: R) => FormState | Promise<FormState> } = {},
): Promise<FormState> {
  const raw = formDataToObject(formData, opts.arrays);
  if (!raw) return { status: "error", formError: "unreadableForm", fieldErrors: {}, values: {} };
  const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith("$")));
  const parsed = schema.safeParse(raw);
  const refused = forbiddenCharacterErrors(raw);
  if (!parsed.success || Object.keys(refused).length > 0) {
    return {
      status: "error",
      formError: "checkFields",
      fieldErrors: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...refused },
      values,
    };
  }
  try {
    const result = await run(parsed.data);
    return opts.onSuccess ? await opts.onSuccess(result) : { status: "success" };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof RuleError) {
      return error.field
        ? { status: "error", formError: "checkFields", fieldErrors: { [error.field]: error.key }, values }
        : { status: "error", formError: error.key, fieldErrors: {}, values };
    }
    if (error instanceof ConflictError) return { status: "error", formError: "conflict", fieldErrors: {}, values };
    if (error instanceof NotFoundError) return { status: "error", formError: "notFound", fieldErrors: {}, values };
    // The caseload gate, met by a form (the reason given ran out while the user typed, or the
    // action was posted without the page): nothing is saved, the typed values stay, and the
    // message says how to give a reason. A redirect to the reason form would lose the input.
    if (error instanceof AccessReasonRequiredError)
      return { status: "error", formError: "accessReasonRequired", fieldErrors: {}, values };
    const eventId = randomUUID();
    (await requestLogger()).error({ eventId, err: error }, "form action failed");
    return { status: "error", formError: "unexpected", eventId, fieldErrors: {}, values };
  }
}
