"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { findPersonForAudit } from "./queries";
import { ZFindPersonForAudit } from "./schemas";

/** ADMIN's person picker → that person's readers (a POST, so the number never sits in a URL). */
export async function findPersonForAuditAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(
    formData,
    ZFindPersonForAudit,
    (input) => findPersonForAudit({ actor, identityNumber: input.identityNumber.normalized }),
    { redirect: ({ id }) => `/admin/audit/people/${id}` },
  );
}
