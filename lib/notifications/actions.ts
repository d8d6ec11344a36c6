"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { logNotification, updateNotification } from "./mutations";
import { LOG_NOTIFICATION_ARRAYS, ZLogNotification, ZUpdateNotification } from "./schemas";

export async function logNotificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(
    formData,
    ZLogNotification,
    async (input) => {
      personId = input.personId;
      return logNotification({ actor, input });
    },
    { arrays: LOG_NOTIFICATION_ARRAYS },
  );
  if (state.status === "success") redirect(`/people/${personId}?saved=notification`);
  return state;
}

export async function updateNotificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(
    formData,
    ZUpdateNotification,
    async (input) => ({ personId } = await updateNotification({ actor, input })),
    {
      arrays: LOG_NOTIFICATION_ARRAYS,
    },
  );
  if (state.status === "success") redirect(`/people/${personId}?saved=notificationUpdated`);
  return state;
}
