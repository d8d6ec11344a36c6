"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createFederatedUser, resetSecondFactor, setPasswordSignIn, setUserActive } from "./mutations";
import { ZCreateFederatedUser, ZSetPasswordSignIn, ZUserAction, type TUserAction } from "./schemas";

type Done = "deactivated" | "reactivated" | "resetDone";

async function userAction(
  formData: FormData,
  run: (input: TUserAction) => Promise<void>,
  done: Done,
): Promise<FormState> {
  // The page shows the new state (and version) with a receipt; a refresh does not repeat the action.
  return handleForm(formData, ZUserAction, run, {
    redirect: (_, input) => `/admin/users/${input.userId}?done=${done}`,
  });
}

export async function deactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return userAction(formData, (input) => setUserActive({ actor, input, active: false }), "deactivated");
}

export async function reactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return userAction(formData, (input) => setUserActive({ actor, input, active: true }), "reactivated");
}

export async function resetSecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return userAction(formData, (input) => resetSecondFactor({ actor, input }), "resetDone");
}

export async function createFederatedUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateFederatedUser, (input) => createFederatedUser({ actor, input }), {
    redirect: ({ id }) => `/admin/users/${id}?done=created`,
  });
}

export async function setPasswordSignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSetPasswordSignIn, (input) => setPasswordSignIn({ actor, input }), {
    redirect: (_, input) => `/admin/users?done=${input.enabled ? "passwordOn" : "passwordOff"}`,
  });
}
