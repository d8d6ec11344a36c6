"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addRoundPeople, createRound } from "./mutations";
import { ROUND_ARRAYS, ZAddRoundPeople, ZCreateRound } from "./schemas";

export async function createRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateRound, (input) => createRound({ actor, input }), {
    arrays: ROUND_ARRAYS,
    redirect: ({ id }) => `/rounds/${id}?saved=created`,
  });
}

export async function addRoundPeopleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAddRoundPeople, (input) => addRoundPeople({ actor, input }), {
    arrays: ROUND_ARRAYS,
    redirect: ({ id }) => `/rounds/${id}?saved=added`,
  });
}
