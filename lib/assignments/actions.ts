"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addAssignment, endAssignment } from "./mutations";
import { ZAddAssignment, ZEndAssignment } from "./schemas";

export async function addAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  let self = false;
  // handleForm turns the caseload gate's question (AccessReasonRequiredError) into a form error.
  const state = await handleForm(formData, ZAddAssignment, async (input) => {
    personId = input.personId;
    self = input.userId === actor.id;
    return addAssignment({ actor, input });
  });
  if (state.status === "success") redirect(`/people/${personId}/coordinators?saved=${self ? "taken" : "added"}`);
  return state;
}

export async function endAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZEndAssignment, async (input) => {
    personId = (await endAssignment({ actor, input })).personId;
  });
  if (state.status === "success") redirect(`/people/${personId}/coordinators?saved=ended`);
  return state;
}
