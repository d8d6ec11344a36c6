"use client";
import { Form, FormErrorBanner, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { addAssignmentAction } from "@/lib/assignments/actions";
import { Button } from "@/components/ui/button";

/** "Ta över": the actor becomes a coordinator of the person for their agency. */
export function TakeOverForm({ personId, actorId }: { personId: string; actorId: string }) {
  const t = useTranslations("coordinators");
  const errorText = useErrorText();
  const form = useForm(addAssignmentAction);
  const { state, pending } = form;
  const fieldError =
    state.status === "error" ? errorText(state.fieldErrors.userId ?? state.fieldErrors.personId) : undefined;
  return (
    <Form form={form} banner={false} className="flex flex-col gap-2">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="userId" value={actorId} />
      <FormErrorBanner state={state} />
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
    </Form>
  );
}
