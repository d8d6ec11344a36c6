"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createCallIn, editCallIn } from "./mutations";
import { CALL_IN_ARRAYS, ZCreateCallIn, ZEditCallIn } from "./schemas";

export async function createCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateCallIn, (input) => createCallIn({ actor, input }), {
    arrays: CALL_IN_ARRAYS,
    redirect: ({ id }) => `/call-ins/${id}?saved=created`,
  });
}

export async function editCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditCallIn, (input) => editCallIn({ actor, input }), {
    arrays: CALL_IN_ARRAYS,
    redirect: ({ id }) => `/call-ins/${id}?saved=updated`,
  });
}
