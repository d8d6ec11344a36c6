"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addAssignmentAction } from "@/lib/assignments/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { AssignmentFormError } from "./form-error";
import { useAssignmentErrorText } from "./use-error-text";

/** "Ta över": the actor becomes a coordinator of the person for their agency. */
export function TakeOverForm({ personId, actorId }: { personId: string; actorId: string }) {
  const t = useTranslations("coordinators");
  const errorText = useAssignmentErrorText();
  const [state, action, pending] = useActionState<FormState, FormData>(addAssignmentAction, IDLE);
  const fieldError =
    state.status === "error" ? errorText(state.fieldErrors.userId ?? state.fieldErrors.personId) : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="userId" value={actorId} />
      <AssignmentFormError state={state} />
      {fieldError ? (
        <p role="alert" className="font-medium text-red-900">
          {fieldError}
        </p>
      ) : null}
      <p id="take-over-hint" className="text-sm text-slate-700">
        {t("takeOverHint")}
      </p>
      <div>
        <Button type="submit" disabled={pending} aria-describedby="take-over-hint">
          {pending ? t("adding") : t("takeOver")}
        </Button>
      </div>
    </form>
  );
}
