"use server";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { handleForm, type FormState } from "@/lib/forms";
import { requestLogger } from "@/lib/logger";
import { AccessReasonRequiredError, requirePersonAccess } from "./index";
import { safeAccessNext } from "./reasons";
import { revealIdentityNumber } from "./reveal";
import { ZGrantPersonAccess, ZRevealIdentityNumber } from "./schemas";

export async function grantPersonAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let next = "";
  const state = await handleForm(formData, ZGrantPersonAccess, async (input) => {
    await requirePersonAccess({
      actor,
      personId: input.personId,
      reason: { code: input.reasonCode, text: input.reasonText },
    });
    next = safeAccessNext(input.personId, input.next);
  });
  if (state.status === "success") redirect(next);
  return state;
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
