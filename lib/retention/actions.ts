"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { anonymisePerson, keepPerson, setRetentionMonths } from "./mutations";
import { ZRetentionDecision, ZRetentionMonths } from "./schemas";

export async function anonymisePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const state = await handleForm(formData, ZRetentionDecision, (input) => anonymisePerson({ actor, input }));
  if (state.status === "success") redirect("/admin/retention?done=anonymised");
  return state;
}

export async function keepPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const state = await handleForm(formData, ZRetentionDecision, (input) => keepPerson({ actor, input }));
  if (state.status === "success") redirect("/admin/retention?done=kept");
  return state;
}

export async function setRetentionMonthsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const state = await handleForm(formData, ZRetentionMonths, (input) => setRetentionMonths({ actor, input }));
  if (state.status === "success") redirect("/admin/retention?done=period");
  return state;
}
