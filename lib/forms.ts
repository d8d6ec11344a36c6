import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AccessReasonRequiredError, ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { getActor } from "@/lib/auth/session";
import { claimSubmission, finishSubmission, fingerprintOf, releaseSubmission } from "@/lib/form-submissions";
import { requestLogger } from "@/lib/logger";
import { hasForbiddenCharacters } from "@/lib/validation/fields";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { isUuid } from "@/lib/validation/ids";
import type { FormState } from "@/lib/form-state";

export type { FormState } from "@/lib/form-state";

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

/** The hidden field that carries a form submission's key (components/ui/form.tsx). */
export const SUBMISSION_FIELD = "$submission";

type HandleFormOptions<S extends z.ZodType, R> = {
  /** Fields that may repeat (checkbox groups), read as lists. */
  arrays?: readonly string[];
  /** Where to go after a save: the action is then one expression, with no id captured by hand. */
  redirect?: (result: R, input: z.output<S>) => string;
};

/**
 * Runs a form's server action: parse with the use case's zod schema, call the domain function,
 * and turn every expected failure into field errors while returning what the user typed; after a
 * save, redirect where `redirect` says or answer "success" (the form stays, with its saved notice).
 * Unexpected errors are logged with an event id, which the user sees instead of any detail.
 * An argument that is not form data (a server action is an endpoint: a client can call it with
 * anything) is answered like any refused form, "unreadableForm", and nothing runs.
 * A submission sent again with the same key (the form's retry after a lost connection) gets the
 * first answer and saves nothing twice (lib/form-submissions.ts).
 */
export async function handleForm<S extends z.ZodType, R>(
  formData: unknown,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  opts: HandleFormOptions<S, R> = {},
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

  // Only a signed-in user's submissions are kept: a key is theirs alone (the table's key is the
  // pair), so nobody can read another's answer by sending their key.
  const key = submissionKeyOf(raw);
  let submission: { userId: string; key: string } | null = null;
  try {
    const userId = key ? (await getActor())?.id : undefined;
    submission = key && userId ? { userId, key } : null;
    if (submission) {
      const prior = await claimSubmission(submission.userId, submission.key, fingerprintOf(await actionId(), values));
      if (prior?.status === "pending")
        return { status: "error", formError: "submissionPending", fieldErrors: {}, values };
      // The key of a submission that reached the server, sent again with other input: the first
      // may have been saved, and answering with it would drop the correction without a word.
      if (prior?.status === "changed")
        return { status: "error", formError: "submissionChanged", fieldErrors: {}, values };
      if (prior?.status === "done") {
        if (prior.redirectTo) redirect(prior.redirectTo);
        return prior.state ?? { status: "success" };
      }
    }
  } catch (error) {
    unstable_rethrow(error);
    return await failureState(error, values);
  }

  let answer: { state: FormState } | { redirectTo: string };
  try {
    const result = await run(parsed.data);
    answer = opts.redirect ? { redirectTo: opts.redirect(result, parsed.data) } : { state: { status: "success" } };
  } catch (error) {
    if (submission) await releaseSubmission(submission.userId, submission.key).catch(() => undefined);
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    return await failureState(error, values);
  }
  if (submission) {
    // Saved: the user gets the answer even if keeping it fails. The key then stays pending for a
    // day, so a retry with it says "still being saved" instead of saving twice.
    await finishSubmission(submission.userId, submission.key, answer).catch(async (error: unknown) =>
      (await requestLogger()).error({ eventId: randomUUID(), err: error }, "form submission answer not kept"),
    );
  }
  if ("redirectTo" in answer) redirect(answer.redirectTo);
  return answer.state;
}

/** The server action posted (Next's action id header): the same key on another form is another submission. */
async function actionId(): Promise<string> {
  try {
    return (await headers()).get("next-action") ?? "";
  } catch {
    return ""; // outside a request (scripts, tests)
  }
}

function submissionKeyOf(raw: Record<string, string | string[]>): string | null {
  const key = raw[SUBMISSION_FIELD];
  return typeof key === "string" && isUuid(key) ? key : null;
}

/** What the user sees when the action threw: the rule broken, or a generic message with an event id. */
async function failureState(error: unknown, values: Record<string, string | string[]>): Promise<FormState> {
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
