"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addSupportMeasure, changeReferralStatus, createReferral, editSupportMeasure } from "./mutations";
import { ZAddSupportMeasure, ZChangeReferralStatus, ZCreateReferral, ZEditSupportMeasure } from "./schemas";

export async function createReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZCreateReferral, async (input) => {
    id = (await createReferral({ actor, input })).id;
  });
  if (state.status === "success") redirect(`/referrals/${id}?saved=created`);
  return state;
}

export async function changeReferralStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZChangeReferralStatus, async (input) => {
    id = input.referralId;
    await changeReferralStatus({ actor, input });
  });
  if (state.status === "success") redirect(`/referrals/${id}?saved=status`);
  return state;
}

export async function addSupportMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let referralId = "";
  const state = await handleForm(formData, ZAddSupportMeasure, async (input) => {
    referralId = input.referralId;
    await addSupportMeasure({ actor, input });
  });
  if (state.status === "success") redirect(`/referrals/${referralId}?saved=measure`);
  return state;
}

export async function editSupportMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let referralId = "";
  const state = await handleForm(formData, ZEditSupportMeasure, async (input) => {
    referralId = (await editSupportMeasure({ actor, input })).referralId;
  });
  if (state.status === "success") redirect(`/referrals/${referralId}?saved=measure`);
  return state;
}
