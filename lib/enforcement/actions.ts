"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { editEnforcementAction } from "./edit";
import { recordEnforcementAction } from "./mutations";
import { ZEditEnforcement, ZRecordEnforcement } from "./schemas";

export async function recordEnforcementFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRecordEnforcement, (input) => recordEnforcementAction({ actor, input }), {
    redirect: ({ statusChanged }) => `/enforcement?saved=${statusChanged ? "deprived" : "created"}`,
  });
}

export async function editEnforcementFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  // handleForm answers the caseload gate's question (AccessReasonRequiredError) above the form.
  return handleForm(formData, ZEditEnforcement, (input) => editEnforcementAction({ actor, input }), {
    redirect: ({ id, statusChanged }) => `/enforcement/${id}?saved=${statusChanged ? "deprived" : "updated"}`,
  });
}
