"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { resetSecondFactor, setUserActive } from "./mutations";
import { ZUserAction, type TUserAction } from "./schemas";

type Done = "deactivated" | "reactivated" | "resetDone";

async function userAction(
  formData: FormData,
  run: (input: TUserAction) => Promise<void>,
  done: Done,
): Promise<FormState> {
  let userId = "";
  const state = await handleForm(formData, ZUserAction, async (input) => {
    userId = input.userId;
    await run(input);
  });
  // The page shows the new state (and version) with a receipt; a refresh does not repeat the action.
  if (state.status === "success") redirect(`/admin/users/${userId}?done=${done}`);
  return state;
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
