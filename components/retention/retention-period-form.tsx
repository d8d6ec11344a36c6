"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setRetentionMonthsAction } from "@/lib/retention/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { useConfidErrorText } from "@/components/audit/use-error-text";

export function RetentionPeriodForm({ months, version }: { months: number; version: number }) {
  const t = useTranslations("retention");
  const errorText = useConfidErrorText();
  const [state, action, pending] = useActionState<FormState, FormData>(setRetentionMonthsAction, IDLE);
  const value =
    state.status === "error" && typeof state.values.months === "string" ? state.values.months : String(months);
  const error = state.status === "error" ? (state.fieldErrors.months ?? state.formError) : undefined;
  return (
    <form action={action} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
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
    </form>
  );
}
