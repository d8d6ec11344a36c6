"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createCallIn, editCallIn } from "./mutations";
import { CALL_IN_ARRAYS, ZCreateCallIn, ZEditCallIn } from "./schemas";

export async function createCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZCreateCallIn,
    async (input) => {
      id = (await createCallIn({ actor, input })).id;
    },
    { arrays: CALL_IN_ARRAYS },
  );
  if (state.status === "success") redirect(`/call-ins/${id}?saved=created`);
  return state;
}

export async function editCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZEditCallIn,
    async (input) => {
      id = (await editCallIn({ actor, input })).id;
    },
    { arrays: CALL_IN_ARRAYS },
  );
  if (state.status === "success") redirect(`/call-ins/${id}?saved=updated`);
  return state;
}
