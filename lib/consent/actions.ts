"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { decideConsentConfirmation, recordConsent, withdrawConsent } from "./mutations";
import { RECORD_CONSENT_ARRAYS, ZDecideConsentConfirmation, ZRecordConsent, ZWithdrawConsent } from "./schemas";

export async function recordConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  // handleForm turns the caseload gate's question (AccessReasonRequiredError) into a form error.
  return handleForm(formData, ZRecordConsent, (input) => recordConsent({ actor, input }), {
    arrays: RECORD_CONSENT_ARRAYS,
    redirect: (_, input) => `/people/${input.personId}/consent?saved=recorded`,
  });
}

export async function decideConsentConfirmationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZDecideConsentConfirmation, (input) => decideConsentConfirmation({ actor, input }), {
    redirect: ({ personId }, input) =>
      `/people/${personId}/consent?saved=${input.decision === "CONFIRMED" ? "confirmed" : "declined"}`,
  });
}

export async function withdrawConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZWithdrawConsent, (input) => withdrawConsent({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/consent?saved=withdrawn`,
  });
}
