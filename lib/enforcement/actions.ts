"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { recordEnforcementAction } from "./mutations";
import { ZRecordEnforcement } from "./schemas";
import { AccessReasonRequiredError } from "@/lib/access";
import { RuleError } from "@/lib/errors";
import { editEnforcementAction } from "./edit";
import { ZEditEnforcement } from "./schemas";

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
  const state = await handleForm(formData, ZEditEnforcement, async (input) => {
    try {
      Object.assign(saved, await editEnforcementAction({ actor, input }));
    } catch (error) {
      // The caseload gate, asked by a form: a message above the form rather than a crash.
      if (error instanceof AccessReasonRequiredError) throw new RuleError("accessReasonRequired");
      throw error;
    }
  });
  if (state.status === "success") redirect(`/enforcement/${saved.id}?saved=${saved.statusChanged ? "deprived" : "updated"}`);
  return state;
}
