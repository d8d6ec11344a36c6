"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { endGroupRelation, recordGroupRelation } from "./mutations";
import { ZEndGroupRelation, ZRecordGroupRelation } from "./schemas";

export async function recordGroupRelationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRecordGroupRelation, (input) => recordGroupRelation({ actor, input }), {
    redirect: (_, input) => `/groups/${input.groupId}?saved=relation`,
  });
}

export async function endGroupRelationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEndGroupRelation, (input) => endGroupRelation({ actor, input }), {
    redirect: ({ groupId }) => `/groups/${groupId}?saved=relationEnded`,
  });
}
