"use server";
import { requireActor } from "@/lib/auth/session";
import { START_PAGE } from "@/lib/authz";
import { handleForm, type FormState } from "@/lib/forms";
import { acceptPledge, publishPledge } from "./mutations";
import { ZAcceptPledge, ZPublishPledge } from "./schemas";

/** The one action a signed-in user may take before accepting the pledge (besides signing out). */
export async function acceptPledgeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor({ beforePledge: true });
  return handleForm(formData, ZAcceptPledge, (input) => acceptPledge({ actor, input }), {
    redirect: () => START_PAGE[actor.role],
  });
}

export async function publishPledgeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  return handleForm(formData, ZPublishPledge, (input) => publishPledge({ actor, input }), {
    // The administrator accepts the new version too: the gate sends them to it next.
    redirect: ({ version }) => `/admin/pledge?done=published&version=${version}`,
  });
}
