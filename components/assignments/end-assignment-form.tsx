"use client";
import { Form, FormErrorBanner, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { endAssignmentAction } from "@/lib/assignments/actions";
import { Button } from "@/components/ui/button";

/** Two steps (open, confirm): ending someone's assignment takes the person off their caseload. */
export function EndAssignmentForm({ assignmentId, name }: { assignmentId: string; name: string }) {
  const t = useTranslations("coordinators");
  const form = useForm(endAssignmentAction);
  const { state, pending } = form;
  return (
    <details className="mt-1" open={state.status === "error"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
        {t("end", { name })}
      </summary>
      <Form
        form={form}
        banner={false}
        className="mt-2 flex flex-col gap-3 rounded-md border border-red-700 bg-red-50 p-3"
      >
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <p>{t("endExplained", { name })}</p>
        <FormErrorBanner state={state} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("ending") : t("confirmEnd")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
