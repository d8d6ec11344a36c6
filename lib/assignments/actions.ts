"use server";
import { redirect } from "next/navigation";
import { AccessReasonRequiredError } from "@/lib/access";
import { requireActor } from "@/lib/auth/session";
import { RuleError } from "@/lib/errors";
import { handleForm, type FormState } from "@/lib/forms";
import { addAssignment, endAssignment } from "./mutations";
import { ZAddAssignment, ZEndAssignment } from "./schemas";

/** The caseload gate's question, asked by a form: a message above the form, not a crash. */
async function gated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessReasonRequiredError) throw new RuleError("accessReasonRequired");
    throw error;
  }
}

export async function addAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  let self = false;
  const state = await handleForm(formData, ZAddAssignment, (input) =>
    gated(async () => {
      personId = input.personId;
      self = input.userId === actor.id;
      return addAssignment({ actor, input });
    }),
  );
  if (state.status === "success") redirect(`/people/${personId}/coordinators?saved=${self ? "taken" : "added"}`);
  return state;
}

export async function endAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZEndAssignment, (input) =>
    gated(async () => {
      personId = (await endAssignment({ actor, input })).personId;
    }),
  );
  if (state.status === "success") redirect(`/people/${personId}/coordinators?saved=ended`);
  return state;
}
