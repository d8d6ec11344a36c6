"use client";
import { useTranslations } from "next-intl";
import { reviewAccountAction } from "@/lib/access-review/actions";
import { AccessReviewDecision } from "@/lib/generated/prisma/enums";
import { enumOptions } from "@/lib/labels";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** Still needed, or remove: with the note a supervisor will read, against the account's version. */
export function ReviewAccountForm({ userId, version }: { userId: string; version: number }) {
  const t = useTranslations("accessReviewForm");
  const td = useTranslations("accessReviewDecisions");
  const form = useForm(reviewAccountAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        name="decision"
        type="radio"
        stacked
        label={t("decision")}
        hint={t("decisionHint")}
        options={enumOptions(Object.values(AccessReviewDecision), (c) => td(c))}
        defaultValue={form.value("decision")}
        error={form.error("decision")}
      />
      <TextField
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        multiline
        maxLength={2_000}
        defaultValue={form.value("note")}
        error={form.error("note")}
      />
      <div>
        <Button type="submit" disabled={form.pending}>
          {t("submit")}
        </Button>
      </div>
    </Form>
  );
}
