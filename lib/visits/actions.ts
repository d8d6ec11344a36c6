"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { planVisit } from "./mutations";
import { PLAN_ARRAYS, ZPlanVisit } from "./schemas";

export async function planVisitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZPlanVisit, (input) => planVisit({ actor, input }), {
    arrays: PLAN_ARRAYS,
    redirect: ({ id }) => `/visits/${id}?saved=planned`,
  });
}
