"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addMembership, createGroup, setGroupPriority, updateGroup, updateMembership } from "./mutations";
import { ZAddMembership, ZCreateGroup, ZSetGroupPriority, ZUpdateGroup, ZUpdateMembership } from "./schemas";

export async function createGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZCreateGroup,
    async (input) => ({ id } = await createGroup({ actor, input })),
  );
  if (state.status === "success") redirect(`/groups/${id}?saved=created`);
  return state;
}

export async function updateGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZUpdateGroup,
    async (input) => ({ id } = await updateGroup({ actor, input })),
  );
  if (state.status === "success") redirect(`/groups/${id}?saved=updated`);
  return state;
}

export async function setGroupPriorityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let id = "";
  const state = await handleForm(
    formData,
    ZSetGroupPriority,
    async (input) => ({ id } = await setGroupPriority({ actor, input })),
  );
  if (state.status === "success") redirect(`/groups/${id}?saved=priority`);
  return state;
}

export async function addMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(formData, ZAddMembership, async (input) => {
    personId = input.personId;
    return addMembership({ actor, input });
  });
  if (state.status === "success") redirect(`/people/${personId}?saved=membership`);
  return state;
}

export async function updateMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let personId = "";
  const state = await handleForm(
    formData,
    ZUpdateMembership,
    async (input) => ({ personId } = await updateMembership({ actor, input })),
  );
  if (state.status === "success") redirect(`/people/${personId}?saved=membership`);
  return state;
}
