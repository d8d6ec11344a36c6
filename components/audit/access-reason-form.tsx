"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { grantPersonAccessAction } from "@/lib/caseload-gate/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button, buttonClass } from "@/components/ui/button";
import { ChoiceGroup, FormErrorBanner, TextField } from "@/components/ui/fields";
import { useConfidErrorText } from "./use-error-text";

type Option = { value: string; label: string };

export function AccessReasonForm({ personId, next, reasons }: { personId: string; next: string; reasons: Option[] }) {
  const t = useTranslations("access");
  const errorText = useConfidErrorText();
  const [state, action, pending] = useActionState<FormState, FormData>(grantPersonAccessAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string) => (typeof values?.[name] === "string" ? (values[name] as string) : undefined);

  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormErrorBanner state={state} errorText={errorText} />
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
    </form>
  );
}
