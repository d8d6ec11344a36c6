"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addPlanMeasure, changePlanMeasureStatus, createPlan, editPlanMeasure, updatePlan } from "./mutations";
import { ZAddPlanMeasure, ZChangePlanMeasureStatus, ZCreatePlan, ZEditPlanMeasure, ZUpdatePlan } from "./schemas";

export async function createPlanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreatePlan, (input) => createPlan({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/plan?saved=created`,
  });
}

export async function updatePlanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZUpdatePlan, (input) => updatePlan({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/plan?saved=updated`,
  });
}

export async function addPlanMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAddPlanMeasure, (input) => addPlanMeasure({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/plan?saved=measure`,
  });
}

export async function editPlanMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditPlanMeasure, (input) => editPlanMeasure({ actor, input }), {
    redirect: ({ id, personId }) => `/people/${personId}/plan/measures/${id}?saved=edited`,
  });
}

export async function changePlanMeasureStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZChangePlanMeasureStatus, (input) => changePlanMeasureStatus({ actor, input }), {
    redirect: ({ id, personId }) => `/people/${personId}/plan/measures/${id}?saved=status`,
  });
}
