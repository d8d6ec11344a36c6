"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { recordEnforcementAction } from "./mutations";
import { ZRecordEnforcement } from "./schemas";

export async function recordEnforcementFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let statusChanged = false;
  const state = await handleForm(formData, ZRecordEnforcement, async (input) => {
    statusChanged = (await recordEnforcementAction({ actor, input })).statusChanged;
  });
  if (state.status === "success") redirect(`/enforcement?saved=${statusChanged ? "deprived" : "created"}`);
  return state;
}
