"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { requirePersonAccess } from "./index";
import { safeAccessNext } from "./reasons";
import { ZGrantPersonAccess } from "./schemas";

export async function grantPersonAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(
    formData,
    ZGrantPersonAccess,
    (input) =>
      requirePersonAccess({
        actor,
        personId: input.personId,
        reason: { code: input.reasonCode, text: input.reasonText },
      }),
    { redirect: (_, input) => safeAccessNext(input.personId, input.next) },
  );
}
