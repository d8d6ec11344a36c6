"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { cancelPlannedVisitAction } from "@/lib/visits/actions";

/** Calling a planned visit off: one button, under the version the page showed. */
export function CancelVisitForm(props: { plannedVisitId: string; version: number }) {
  const t = useTranslations("visitPlanForm");
  const form = useForm(cancelPlannedVisitAction);
  return (
    <Form form={form} className="mt-4 flex flex-col items-start gap-2">
      <input type="hidden" name="plannedVisitId" value={props.plannedVisitId} />
      <input type="hidden" name="version" value={props.version} />
      <p className="text-sm text-slate-700">{t("cancelHint")}</p>
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? t("cancelling") : t("cancel")}
      </Button>
    </Form>
  );
}
