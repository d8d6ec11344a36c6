"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { completeFollowUp, deleteFollowUp, logFollowUp, rescheduleFollowUp } from "./mutations";
import { ZCompleteFollowUp, ZDeleteFollowUp, ZLogFollowUp, ZRescheduleFollowUp } from "./schemas";

export async function logFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZLogFollowUp, async (input) => {
    id = (await logFollowUp({ actor, input })).id;
  });
  if (state.status === "success") redirect(`/follow-ups/${id}?saved=created`);
  return state;
}

export async function completeFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZCompleteFollowUp, async (input) => {
    id = (await completeFollowUp({ actor, input })).id;
  });
  // Marked done from the overdue list: back to the list, where the next one waits.
  if (state.status === "success")
    redirect(formData.get("from") === "list" ? "/follow-ups?saved=done" : `/follow-ups/${id}?saved=done`);
  return state;
}

export async function rescheduleFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(formData, ZRescheduleFollowUp, async (input) => {
    id = (await rescheduleFollowUp({ actor, input })).id;
  });
  if (state.status === "success") redirect(`/follow-ups/${id}?saved=rescheduled`);
  return state;
}

export async function deleteFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const state = await handleForm(formData, ZDeleteFollowUp, async (input) => {
    await deleteFollowUp({ actor, input });
  });
  if (state.status === "success") redirect(`/follow-ups?saved=deleted`);
  return state;
}
