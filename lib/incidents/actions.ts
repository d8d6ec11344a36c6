"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createIncident, editIncident } from "./mutations";
import { INCIDENT_ARRAYS, ZCreateIncident, ZEditIncident } from "./schemas";

export async function createIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZCreateIncident,
    async (input) => {
      id = (await createIncident({ actor, input })).id;
    },
    { arrays: INCIDENT_ARRAYS },
  );
  if (state.status === "success") redirect(`/incidents/${id}?saved=created`);
  return state;
}

export async function editIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZEditIncident,
    async (input) => {
      id = (await editIncident({ actor, input })).id;
    },
    { arrays: INCIDENT_ARRAYS },
  );
  if (state.status === "success") redirect(`/incidents/${id}?saved=updated`);
  return state;
}
