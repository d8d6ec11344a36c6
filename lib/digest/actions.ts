"use server";
import { requireArea } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { sendDigestNow, setDigest } from "./mutations";
import { ZSendDigestNow, ZSetDigest } from "./schemas";

export async function setDigestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireArea("todo");
  return handleForm(formData, ZSetDigest, (input) => setDigest({ actor, input }), {
    redirect: (_r, input) => `/account/digest?saved=${input.enabled ? "on" : "off"}`,
  });
}

export async function sendDigestNowAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireArea("todo");
  return handleForm(formData, ZSendDigestNow, (input) => sendDigestNow({ actor, input }), {
    redirect: () => "/account/digest?saved=queued",
  });
}
