"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createIncident, editIncident } from "./mutations";
import { INCIDENT_ARRAYS, ZCreateIncident, ZEditIncident } from "./schemas";

export async function createIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateIncident, (input) => createIncident({ actor, input }), {
    arrays: INCIDENT_ARRAYS,
    redirect: ({ id }) => `/incidents/${id}?saved=created`,
  });
}

export async function editIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditIncident, (input) => editIncident({ actor, input }), {
    arrays: INCIDENT_ARRAYS,
    redirect: ({ id }) => `/incidents/${id}?saved=updated`,
  });
}
