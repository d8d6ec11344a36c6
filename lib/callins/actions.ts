"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { createCallIn, editCallIn, inviteToCallIn, markAllAttended } from "./mutations";
import { CALL_IN_ARRAYS, ZCreateCallIn, ZEditCallIn, ZInviteToCallIn, ZMarkAllAttended } from "./schemas";

export async function createCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateCallIn, (input) => createCallIn({ actor, input }), {
    arrays: CALL_IN_ARRAYS,
    redirect: ({ id }) => `/call-ins/${id}?saved=created`,
  });
}

export async function editCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditCallIn, (input) => editCallIn({ actor, input }), {
    arrays: CALL_IN_ARRAYS,
    redirect: ({ id }) => `/call-ins/${id}?saved=updated`,
  });
}

export async function markAllAttendedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZMarkAllAttended, (input) => markAllAttended({ actor, input }), {
    redirect: ({ id }) => `/call-ins/${id}?saved=allAttended`,
  });
}

export async function inviteToCallInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZInviteToCallIn, (input) => inviteToCallIn({ actor, input }), {
    redirect: ({ id }) => `/call-ins/${id}?saved=invited`,
  });
}
