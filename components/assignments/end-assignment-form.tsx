"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { endAssignmentAction } from "@/lib/assignments/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { AssignmentFormError } from "./form-error";

/** Two steps (open, confirm): ending someone's assignment takes the person off their caseload. */
export function EndAssignmentForm({ assignmentId, name }: { assignmentId: string; name: string }) {
  const t = useTranslations("coordinators");
  const [state, action, pending] = useActionState<FormState, FormData>(endAssignmentAction, IDLE);
  return (
    <details className="mt-1" open={state.status === "error"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
        {t("end", { name })}
      </summary>
      <form action={action} className="mt-2 flex flex-col gap-3 rounded-md border border-red-700 bg-red-50 p-3">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <p>{t("endExplained", { name })}</p>
        <AssignmentFormError state={state} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("ending") : t("confirmEnd")}
          </Button>
        </div>
      </form>
    </details>
  );
}
