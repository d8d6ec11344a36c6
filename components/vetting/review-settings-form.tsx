"use client";
import { useTranslations } from "next-intl";
import { setReviewSettingsAction } from "@/lib/access-review/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** ADMIN: how often the site's accounts are reviewed, and how long an overdue one keeps working. */
export function ReviewSettingsForm({
  months,
  graceDays,
  version,
}: {
  months: number;
  graceDays: number;
  version: number;
}) {
  const t = useTranslations("accessReviewForm");
  const form = useForm(setReviewSettingsAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <input type="hidden" name="version" value={version} />
      <div className="sm:w-56">
        <TextField
          name="months"
          type="number"
          inputMode="numeric"
          label={t("months")}
          hint={t("monthsHint")}
          defaultValue={form.value("months", String(months))}
          error={form.error("months")}
        />
      </div>
      <div className="sm:w-56">
        <TextField
          name="graceDays"
          type="number"
          inputMode="numeric"
          label={t("graceDays")}
          hint={t("graceDaysHint")}
          defaultValue={form.value("graceDays", String(graceDays))}
          error={form.error("graceDays")}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={form.pending} className="sm:mt-7">
        {t("saveSettings")}
      </Button>
    </Form>
  );
}
