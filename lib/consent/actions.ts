"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { decideConsentConfirmation, recordConsent, withdrawConsent } from "./mutations";
import { RECORD_CONSENT_ARRAYS, ZDecideConsentConfirmation, ZRecordConsent, ZWithdrawConsent } from "./schemas";

export async function recordConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(
    formData,
    ZRecordConsent,
    // handleForm turns the caseload gate's question (AccessReasonRequiredError) into a form error.
    async (input) => {
      personId = input.personId;
      return recordConsent({ actor, input });
    },
    { arrays: RECORD_CONSENT_ARRAYS },
  );
  if (state.status === "success") redirect(`/people/${personId}/consent?saved=recorded`);
  return state;
}

export async function decideConsentConfirmationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  let decision = "";
  const state = await handleForm(formData, ZDecideConsentConfirmation, async (input) => {
    decision = input.decision;
    personId = (await decideConsentConfirmation({ actor, input })).personId;
  });
  if (state.status === "success")
    redirect(`/people/${personId}/consent?saved=${decision === "CONFIRMED" ? "confirmed" : "declined"}`);
  return state;
}

export async function withdrawConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZWithdrawConsent, async (input) => {
    personId = (await withdrawConsent({ actor, input })).personId;
  });
  if (state.status === "success") redirect(`/people/${personId}/consent?saved=withdrawn`);
  return state;
}
