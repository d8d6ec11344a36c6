"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { grantPersonAccessAction } from "@/lib/caseload-gate/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { ChoiceGroup, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

export function AccessReasonForm({ personId, next, reasons }: { personId: string; next: string; reasons: Option[] }) {
  const t = useTranslations("access");
  const errorText = useErrorText();
  const form = useForm(grantPersonAccessAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string) => (typeof values?.[name] === "string" ? (values[name] as string) : undefined);

  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="next" value={next} />
      <ChoiceGroup
        name="reasonCode"
        type="radio"
        label={t("reasonCode")}
        options={reasons}
        defaultValue={v("reasonCode")}
        error={errorText(fieldErrors.reasonCode)}
      />
      <TextField
        name="reasonText"
        label={t("reasonText")}
        hint={t("reasonTextHint")}
        multiline
        maxLength={300}
        defaultValue={v("reasonText")}
        error={errorText(fieldErrors.reasonText)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Link href="/caseload" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
