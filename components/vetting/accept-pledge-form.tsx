"use client";
import { useTranslations } from "next-intl";
import { acceptPledgeAction } from "@/lib/pledge/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** "I have read and accept": the version read goes with it, so a newer one published meanwhile is not accepted unread. */
export function AcceptPledgeForm({ version }: { version: number }) {
  const t = useTranslations("pledgeForm");
  const form = useForm(acceptPledgeAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="version" value={version} />
      <CheckboxField
        name="accept"
        label={t("accept")}
        error={form.error("accept")}
        defaultChecked={form.checked("accept")}
      />
      <div>
        <Button type="submit" disabled={form.pending}>
          {t("submit")}
        </Button>
      </div>
    </Form>
  );
}
