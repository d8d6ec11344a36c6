"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { decideExtractRequest, produceRegisterExtract, registerExtractRequest } from "./mutations";
import { ZDecideExtractRequest, ZProduceRegisterExtract, ZRegisterExtractRequest } from "./schemas";

/** ADMIN registers an access request; the request's page then says it awaits a second person. */
export async function registerExtractRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRegisterExtractRequest, (input) => registerExtractRequest({ actor, input }), {
    redirect: ({ id }) => `/admin/extract-requests/${id}?done=registered`,
  });
}

/** MANAGER approves or rejects (the button pressed is `decision`). */
export async function decideExtractRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZDecideExtractRequest, (input) => decideExtractRequest({ actor, input }), {
    redirect: ({ id }, input) =>
      `/extract-requests/${id}?done=${input.decision === "APPROVED" ? "approved" : "rejected"}`,
  });
}

/**
 * "Ta fram utdrag": a POST, so that no link, prefetch or reload can produce an extract. Afterwards
 * the request's page offers the printable page and the files for the short window.
 */
export async function produceRegisterExtractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZProduceRegisterExtract, (input) => produceRegisterExtract({ actor, input }), {
    redirect: ({ id }) => `/admin/extract-requests/${id}?done=produced`,
  });
}
