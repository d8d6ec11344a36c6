"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { editEnforcementAction } from "./edit";
import { recordEnforcementAction } from "./mutations";
import { ZEditEnforcement, ZRecordEnforcement } from "./schemas";

export async function recordEnforcementFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let statusChanged = false;
  const state = await handleForm(formData, ZRecordEnforcement, async (input) => {
    statusChanged = (await recordEnforcementAction({ actor, input })).statusChanged;
  });
  if (state.status === "success") redirect(`/enforcement?saved=${statusChanged ? "deprived" : "created"}`);
  return state;
}

export async function editEnforcementFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const saved = { id: "", statusChanged: false };
  // handleForm answers the caseload gate's question (AccessReasonRequiredError) above the form.
  const state = await handleForm(formData, ZEditEnforcement, async (input) => {
    Object.assign(saved, await editEnforcementAction({ actor, input }));
  });
  if (state.status === "success")
    redirect(`/enforcement/${saved.id}?saved=${saved.statusChanged ? "deprived" : "updated"}`);
  return state;
}
