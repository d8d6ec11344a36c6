"use client";
import { useTranslations } from "next-intl";
import { sendDigestNowAction, setDigestAction } from "@/lib/digest/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** The user's own choice: a daily e-mail with counts and a link, or none. */
export function DigestSettingForm({ enabled, version }: { enabled: boolean; version: number }) {
  const t = useTranslations("digestForm");
  const form = useForm(setDigestAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="version" value={version} />
      <CheckboxField
        name="enabled"
        label={t("enabled")}
        hint={t("enabledHint")}
        defaultChecked={form.value("enabled", enabled ? "on" : "") === "on"}
        error={form.error("enabled")}
      />
      <div>
        <Button type="submit" disabled={form.pending}>
          {t("save")}
        </Button>
      </div>
    </Form>
  );
}

/** Today's digest now, through the same queue and worker as the morning's. */
export function SendDigestNowForm() {
  const t = useTranslations("digestForm");
  const form = useForm(sendDigestNowAction);
  return (
    <Form form={form} noValidate>
      <input type="hidden" name="send" value="today" />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {t("sendNow")}
      </Button>
    </Form>
  );
}
