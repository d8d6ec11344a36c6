"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { addAgendaPerson, completeTask, createMeeting, editMeeting, recordDecision, saveMinutes } from "./mutations";
import {
  MEETING_ARRAYS,
  ZAddAgendaPerson,
  ZCompleteTask,
  ZCreateMeeting,
  ZEditMeeting,
  ZRecordDecision,
  ZSaveMinutes,
} from "./schemas";

export async function createMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCreateMeeting, (input) => createMeeting({ actor, input }), {
    arrays: MEETING_ARRAYS,
    redirect: ({ id }) => `/meetings/${id}?saved=created`,
  });
}

export async function editMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZEditMeeting, (input) => editMeeting({ actor, input }), {
    arrays: MEETING_ARRAYS,
    redirect: ({ id }) => `/meetings/${id}?saved=edited`,
  });
}

export async function addAgendaPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAddAgendaPerson, (input) => addAgendaPerson({ actor, input }), {
    redirect: ({ id }) => `/meetings/${id}?saved=agenda`,
  });
}

export async function saveMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSaveMinutes, (input) => saveMinutes({ actor, input }), {
    redirect: (_result, input) => `/meetings/${input.meetingId}?saved=minutes#person-${input.personId}`,
  });
}

export async function recordDecisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRecordDecision, (input) => recordDecision({ actor, input }), {
    redirect: (_result, input) => `/meetings/${input.meetingId}?saved=decision#person-${input.personId}`,
  });
}

export async function completeTaskAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCompleteTask, (input) => completeTask({ actor, input }), {
    redirect: ({ meetingId }) => `/meetings/${meetingId}?saved=taskDone`,
  });
}
