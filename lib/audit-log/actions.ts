"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { findPersonForAudit } from "./queries";
import { ZFindPersonForAudit } from "./schemas";

/** ADMIN's person picker → that person's readers (a POST, so the number never sits in a URL). */
export async function findPersonForAuditAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZFindPersonForAudit, async (input) => {
    personId = (await findPersonForAudit({ actor, identityNumber: input.identityNumber.normalized })).id;
  });
  if (state.status === "success") redirect(`/admin/audit/people/${personId}`);
  return state;
}
