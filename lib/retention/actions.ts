"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { anonymisePerson, keepPerson, setRetentionMonths } from "./mutations";
import { ZRetentionDecision, ZRetentionMonths } from "./schemas";

export async function anonymisePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRetentionDecision, (input) => anonymisePerson({ actor, input }), {
    redirect: () => "/admin/retention?done=anonymised",
  });
}

export async function keepPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRetentionDecision, (input) => keepPerson({ actor, input }), {
    redirect: () => "/admin/retention?done=kept",
  });
}

export async function setRetentionMonthsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRetentionMonths, (input) => setRetentionMonths({ actor, input }), {
    redirect: () => "/admin/retention?done=period",
  });
}
