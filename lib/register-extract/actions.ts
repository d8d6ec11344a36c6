"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { decideExtractRequest, produceRegisterExtract, registerExtractRequest } from "./mutations";
import { ZDecideExtractRequest, ZProduceRegisterExtract, ZRegisterExtractRequest } from "./schemas";

/** ADMIN registers an access request; the request's page then says it awaits a second person. */
export async function registerExtractRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZRegisterExtractRequest, async (input) => {
    id = (await registerExtractRequest({ actor, input })).id;
  });
  if (state.status === "success") redirect(`/admin/extract-requests/${id}?done=registered`);
  return state;
}

/** MANAGER approves or rejects (the button pressed is `decision`). */
export async function decideExtractRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let done = "";
  let id = "";
  const state = await handleForm(formData, ZDecideExtractRequest, async (input) => {
    id = (await decideExtractRequest({ actor, input })).id;
    done = input.decision === "APPROVED" ? "approved" : "rejected";
  });
  if (state.status === "success") redirect(`/extract-requests/${id}?done=${done}`);
  return state;
}

/**
 * "Ta fram utdrag": a POST, so that no link, prefetch or reload can produce an extract. Afterwards
 * the request's page offers the printable page and the files for the short window.
 */
export async function produceRegisterExtractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZProduceRegisterExtract, async (input) => {
    id = (await produceRegisterExtract({ actor, input })).id;
  });
  if (state.status === "success") redirect(`/admin/extract-requests/${id}?done=produced`);
  return state;
}
