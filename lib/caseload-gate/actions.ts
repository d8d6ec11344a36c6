"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { requirePersonAccess } from "./index";
import { safeAccessNext } from "./reasons";
import { ZGrantPersonAccess } from "./schemas";

export async function grantPersonAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let next = "";
  const state = await handleForm(formData, ZGrantPersonAccess, async (input) => {
    await requirePersonAccess({
      actor,
      personId: input.personId,
      reason: { code: input.reasonCode, text: input.reasonText },
    });
    next = safeAccessNext(input.personId, input.next);
  });
  if (state.status === "success") redirect(next);
  return state;
}
