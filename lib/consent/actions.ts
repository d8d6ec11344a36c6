"use server";
import { redirect } from "next/navigation";
import { AccessReasonRequiredError } from "@/lib/access";
import { requireActor } from "@/lib/auth/session";
import { RuleError } from "@/lib/errors";
import { handleForm, type FormState } from "@/lib/forms";
import { recordConsent, withdrawConsent } from "./mutations";
import { RECORD_CONSENT_ARRAYS, ZRecordConsent, ZWithdrawConsent } from "./schemas";

/** The caseload gate's question, asked by a form: a message above the form, not a crash. */
async function gated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessReasonRequiredError) throw new RuleError("accessReasonRequired");
    throw error;
  }
}

export async function recordConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(
    formData,
    ZRecordConsent,
    (input) =>
      gated(async () => {
        personId = input.personId;
        return recordConsent({ actor, input });
      }),
    { arrays: RECORD_CONSENT_ARRAYS },
  );
  if (state.status === "success") redirect(`/people/${personId}/consent?saved=recorded`);
  return state;
}

export async function withdrawConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZWithdrawConsent, (input) =>
    gated(async () => {
      personId = (await withdrawConsent({ actor, input })).personId;
    }),
  );
  if (state.status === "success") redirect(`/people/${personId}/consent?saved=withdrawn`);
  return state;
}
