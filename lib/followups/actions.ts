"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { completeFollowUp, deleteFollowUp, logFollowUp, rescheduleFollowUp } from "./mutations";
import { ZCompleteFollowUp, ZDeleteFollowUp, ZLogFollowUp, ZRescheduleFollowUp } from "./schemas";

export async function logFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZLogFollowUp, (input) => logFollowUp({ actor, input }), {
    redirect: ({ id }) => `/follow-ups/${id}?saved=created`,
  });
}

export async function completeFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCompleteFollowUp, (input) => completeFollowUp({ actor, input }), {
    // Marked done from the overdue list: back to the list, where the next one waits.
    redirect: ({ id }) => (formData.get("from") === "list" ? "/follow-ups?saved=done" : `/follow-ups/${id}?saved=done`),
  });
}

export async function rescheduleFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRescheduleFollowUp, (input) => rescheduleFollowUp({ actor, input }), {
    redirect: ({ id }) => `/follow-ups/${id}?saved=rescheduled`,
  });
}

export async function deleteFollowUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZDeleteFollowUp, (input) => deleteFollowUp({ actor, input }), {
    redirect: () => "/follow-ups?saved=deleted",
  });
}
