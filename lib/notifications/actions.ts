"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { logNotification, updateNotification } from "./mutations";
import { LOG_NOTIFICATION_ARRAYS, ZLogNotification, ZUpdateNotification } from "./schemas";

export async function logNotificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZLogNotification, (input) => logNotification({ actor, input }), {
    arrays: LOG_NOTIFICATION_ARRAYS,
    // Logged from a plan: back to the plan, which now shows as done.
    redirect: (_, input) =>
      input.plannedVisitId
        ? `/visits/${input.plannedVisitId}?saved=logged`
        : `/people/${input.personId}?saved=notification`,
  });
}

export async function updateNotificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZUpdateNotification, (input) => updateNotification({ actor, input }), {
    arrays: LOG_NOTIFICATION_ARRAYS,
    redirect: ({ personId }) => `/people/${personId}?saved=notificationUpdated`,
  });
}
