"use client";
import { useTranslations } from "next-intl";
import { publishPledgeAction } from "@/lib/pledge/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** A new version of the pledge, starting from the current text. */
export function PublishPledgeForm({ text, replaces }: { text: string; replaces: number }) {
  const t = useTranslations("pledgeForm");
  const form = useForm(publishPledgeAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="replaces" value={replaces} />
      <TextField
        name="text"
        label={t("text")}
        hint={t("textHint")}
        multiline
        rows={16}
        maxLength={20_000}
        defaultValue={form.value("text", text)}
        error={form.error("text")}
      />
      <CheckboxField name="confirm" label={t("confirmPublish")} error={form.error("confirm")} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {t("publish")}
        </Button>
      </div>
    </Form>
  );
}
