"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addSupportMeasure, changeReferralStatus, createReferral, editSupportMeasure } from "./mutations";
import { ZAddSupportMeasure, ZChangeReferralStatus, ZCreateReferral, ZEditSupportMeasure } from "./schemas";

export async function createReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateReferral, (input) => createReferral({ actor, input }), {
    redirect: ({ id }) => `/referrals/${id}?saved=created`,
  });
}

export async function changeReferralStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZChangeReferralStatus, (input) => changeReferralStatus({ actor, input }), {
    redirect: (_, input) => `/referrals/${input.referralId}?saved=status`,
  });
}

export async function addSupportMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAddSupportMeasure, (input) => addSupportMeasure({ actor, input }), {
    redirect: (_, input) => `/referrals/${input.referralId}?saved=measure`,
  });
}

export async function editSupportMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditSupportMeasure, (input) => editSupportMeasure({ actor, input }), {
    redirect: ({ referralId }) => `/referrals/${referralId}?saved=measure`,
  });
}
