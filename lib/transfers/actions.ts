"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm, type FormState } from "@/lib/forms";
import { acceptFileTransfer, cancelFileTransfer, declineFileTransfer, requestFileTransfer } from "./mutations";
import { ZAcceptFileTransfer, ZCancelFileTransfer, ZDeclineFileTransfer, ZRequestFileTransfer } from "./schemas";

export async function requestFileTransferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZRequestFileTransfer, (input) => requestFileTransfer({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/transfer?saved=requested`,
  });
}

export async function cancelFileTransferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZCancelFileTransfer, (input) => cancelFileTransfer({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}/transfer?saved=cancelled`,
  });
}

export async function declineFileTransferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZDeclineFileTransfer, (input) => declineFileTransfer({ actor, input }), {
    redirect: () => "/transfers?saved=declined",
  });
}

export async function acceptFileTransferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZAcceptFileTransfer, (input) => acceptFileTransfer({ actor, input }), {
    redirect: ({ personId }) => `/people/${personId}?saved=transferredIn`,
  });
}
