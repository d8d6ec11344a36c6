"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm } from "@/lib/forms";
import type { FormState } from "@/lib/form-state";
import {
  createPerson,
  DuplicateIdentityNumberError,
  PossibleDuplicateError,
  updatePerson,
  type ExistingPerson,
} from "./mutations";
import { setIdentityProtection } from "./protection";
import { ZCreatePerson, ZSetIdentityProtection, ZUpdatePerson } from "./schemas";

/** A person form's state: besides the field errors, the registered people it may duplicate. */
export type PersonFormState = FormState & { duplicateOf?: ExistingPerson; possibleDuplicates?: ExistingPerson[] };

/** Remembers which duplicate stopped the save, so the form can link to it. */
function duplicates() {
  const found: { duplicateOf?: ExistingPerson; possibleDuplicates?: ExistingPerson[] } = {};
  const watch = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DuplicateIdentityNumberError && error.existing) found.duplicateOf = error.existing;
      if (error instanceof PossibleDuplicateError) found.possibleDuplicates = error.matches;
      throw error;
    }
  };
  return { found, watch };
}

export async function createPersonAction(_previous: PersonFormState, formData: FormData): Promise<PersonFormState> {
  const actor = await requireActor();
  const { found, watch } = duplicates();
  let id = "";
  const state = await handleForm(formData, ZCreatePerson, (input) =>
    watch(async () => ({ id } = await createPerson({ actor, input }))),
  );
  if (state.status === "success") redirect(`/people/${id}?saved=created`);
  return { ...state, ...found };
}

export async function updatePersonAction(_previous: PersonFormState, formData: FormData): Promise<PersonFormState> {
  const actor = await requireActor();
  const { found, watch } = duplicates();
  let id = "";
  const state = await handleForm(formData, ZUpdatePerson, (input) =>
    watch(async () => ({ id } = await updatePerson({ actor, input }))),
  );
  if (state.status === "success") redirect(`/people/${id}?saved=updated`);
  return { ...state, ...found };
}

export async function setIdentityProtectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  let protect = "";
  const state = await handleForm(formData, ZSetIdentityProtection, async (input) => {
    ({ personId: id, protect } = input);
    await setIdentityProtection({ actor, input });
  });
  if (state.status === "success") redirect(`/people/${id}?saved=${protect === "yes" ? "protected" : "unprotected"}`);
  return state;
}
