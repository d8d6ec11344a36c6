"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { cancelPlannedVisit, planVisit } from "./mutations";
import { PLAN_ARRAYS, ZCancelPlannedVisit, ZPlanVisit } from "./schemas";

export async function planVisitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZPlanVisit, (input) => planVisit({ actor, input }), {
    arrays: PLAN_ARRAYS,
    redirect: ({ id }) => `/visits/${id}?saved=planned`,
  });
}

export async function cancelPlannedVisitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCancelPlannedVisit, (input) => cancelPlannedVisit({ actor, input }), {
    redirect: ({ id }) => `/visits/${id}?saved=cancelled`,
  });
}
