"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { endWarningFlag, setWarningFlag } from "./mutations";
import { ZEndWarningFlag, ZSetWarningFlag } from "./schemas";

export async function setWarningFlagAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSetWarningFlag, (input) => setWarningFlag({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}?saved=warningFlag`,
  });
}

export async function endWarningFlagAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEndWarningFlag, (input) => endWarningFlag({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}?saved=warningFlagEnded`,
  });
}
