"use server";
import { requireActor } from "@/lib/auth/session";
import { handleForm } from "@/lib/forms";
import type { FormState } from "@/lib/form-state";
import {
  createPerson,
  DuplicateIdentityNumberError,
  PossibleDuplicateError,
  updatePerson,
  type ExistingPerson,
} from "./mutations";
import { randomUUID } from "node:crypto";
import { AccessReasonRequiredError } from "@/lib/caseload-gate";
import { NotFoundError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";
import { setIdentityProtection } from "./protection";
import { revealIdentityNumber } from "./reveal";
import { ZCreatePerson, ZRevealIdentityNumber, ZSetIdentityProtection, ZUpdatePerson } from "./schemas";

/** A person form's state: besides the field errors, the registered people it may duplicate. */
export type PersonFormState = FormState & { duplicateOf?: ExistingPerson; possibleDuplicates?: ExistingPerson[] };

/** Remembers which duplicate stopped the save, so the form can link to it. */
function duplicates() {
  const found: { duplicateOf?: ExistingPerson; possibleDuplicates?: ExistingPerson[] } = {};
  const watch = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DuplicateIdentityNumberError && error.existing) found.duplicateOf = error.existing;
      if (error instanceof PossibleDuplicateError) found.possibleDuplicates = error.matches;
      throw error;
    }
  };
  return { found, watch };
}

export async function createPersonAction(_previous: PersonFormState, formData: FormData): Promise<PersonFormState> {
  const actor = await requireActor();
  const { found, watch } = duplicates();
  const state = await handleForm(formData, ZCreatePerson, (input) => watch(() => createPerson({ actor, input })), {
    redirect: ({ id }) => `/people/${id}?saved=created`,
  });
  return { ...state, ...found };
}

export async function updatePersonAction(_previous: PersonFormState, formData: FormData): Promise<PersonFormState> {
  const actor = await requireActor();
  const { found, watch } = duplicates();
  const state = await handleForm(formData, ZUpdatePerson, (input) => watch(() => updatePerson({ actor, input })), {
    redirect: ({ id }) => `/people/${id}?saved=updated`,
  });
  return { ...state, ...found };
}

export async function setIdentityProtectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZSetIdentityProtection, (input) => setIdentityProtection({ actor, input }), {
    redirect: (_, input) => `/people/${input.personId}?saved=${input.protect === "yes" ? "protected" : "unprotected"}`,
  });
}

export type RevealResult =
  | { ok: true; identityNumber: string | null }
  | { ok: false; error: "notFound" | "reasonRequired" | "unexpected"; eventId?: string };

/** Called by the RevealIdentityNumber button; the number is returned to that one client only. */
export async function revealIdentityNumberAction(personId: string): Promise<RevealResult> {
  const actor = await requireActor();
  const parsed = ZRevealIdentityNumber.safeParse({ personId });
  if (!parsed.success) return { ok: false, error: "notFound" };
  try {
    const { identityNumber } = await revealIdentityNumber({ actor, personId: parsed.data.personId });
    return { ok: true, identityNumber };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, error: "notFound" };
    if (error instanceof AccessReasonRequiredError) return { ok: false, error: "reasonRequired" };
    const eventId = randomUUID();
    (await requestLogger()).error({ eventId, err: error }, "reveal failed");
    return { ok: false, error: "unexpected", eventId };
  }
}
