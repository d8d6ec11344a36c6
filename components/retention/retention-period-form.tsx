"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { setRetentionMonthsAction } from "@/lib/retention/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";

export function RetentionPeriodForm({ months, version }: { months: number; version: number }) {
  const t = useTranslations("retention");
  const errorText = useErrorText();
  const form = useForm(setRetentionMonthsAction);
  const { state, pending } = form;
  const value =
    state.status === "error" && typeof state.values.months === "string" ? state.values.months : String(months);
  const error = state.status === "error" ? (state.fieldErrors.months ?? state.formError) : undefined;
  return (
    <Form form={form} banner={false} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
      <input type="hidden" name="version" value={version} />
      <div className="sm:w-64">
        <TextField
          name="months"
          type="number"
          label={t("months")}
          hint={t("monthsHint")}
          defaultValue={value}
          error={errorText(error)}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-7">
        {t("saveMonths")}
      </Button>
    </Form>
  );
}
