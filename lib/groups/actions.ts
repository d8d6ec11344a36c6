"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addMembership, createGroup, setGroupPriority, updateGroup, updateMembership } from "./mutations";
import { ZAddMembership, ZCreateGroup, ZSetGroupPriority, ZUpdateGroup, ZUpdateMembership } from "./schemas";

export async function createGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateGroup, (input) => createGroup({ actor, input }), {
    redirect: ({ id }) => `/groups/${id}?saved=created`,
  });
}

export async function updateGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZUpdateGroup, (input) => updateGroup({ actor, input }), {
    redirect: ({ id }) => `/groups/${id}?saved=updated`,
  });
}

export async function setGroupPriorityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSetGroupPriority, (input) => setGroupPriority({ actor, input }), {
    redirect: ({ id }) => `/groups/${id}?saved=priority`,
  });
}

export async function addMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAddMembership, (input) => addMembership({ actor, input }), {
    redirect: (_, input) => `/people/${input.personId}?saved=membership`,
  });
}

export async function updateMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZUpdateMembership, (input) => updateMembership({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}?saved=membership`,
  });
}
