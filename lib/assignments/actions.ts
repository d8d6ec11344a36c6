"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addAssignment, endAssignment, handOverCaseload, handOverPeople } from "./mutations";
import { ZAddAssignment, ZEndAssignment, ZHandOverCaseload, ZHandOverPeople } from "./schemas";

export async function addAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  // handleForm turns the caseload gate's question (AccessReasonRequiredError) into a form error.
  return handleForm(formData, ZAddAssignment, (input) => addAssignment({ actor, input }), {
    redirect: (_, input) =>
      `/people/${input.personId}/coordinators?saved=${input.userId === actor.id ? "taken" : "added"}`,
  });
}

export async function endAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEndAssignment, (input) => endAssignment({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/coordinators?saved=ended`,
  });
}

export async function handOverPeopleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZHandOverPeople, (input) => handOverPeople({ actor, input }), {
    arrays: ["personIds"],
    redirect: () => "/caseload?saved=handedOver",
  });
}

export async function handOverCaseloadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZHandOverCaseload, (input) => handOverCaseload({ actor, input }), {
    redirect: () => "/caseload?saved=caseloadHandedOver",
  });
}
