"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { reviewAccount, setReviewSettings } from "./mutations";
import { ZReviewAccount, ZReviewSettings } from "./schemas";

export async function reviewAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZReviewAccount, (input) => reviewAccount({ actor, input }), {
    redirect: (_, input) => `/access-review?done=${input.decision === "KEEP" ? "kept" : "removed"}`,
  });
}

export async function setReviewSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZReviewSettings, (input) => setReviewSettings({ actor, input }), {
    redirect: () => "/access-review?done=settings",
  });
}
