"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { saveRoleNeeds } from "./mutations";
import { ZSaveRoleNeeds } from "./schemas";

export async function saveRoleNeedsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSaveRoleNeeds, (input) => saveRoleNeeds({ actor, input }), {
    redirect: (_, input) => `/admin/roles?done=saved#role-${input.role}`,
  });
}
