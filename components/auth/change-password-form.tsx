"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/auth/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, TextField, useErrorText } from "@/components/ui/fields";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations("account");
  const ta = useTranslations("accountErrors");
  const sharedErrorText = useErrorText();
  const errorText = (key: string | undefined) => (key && ta.has(key) ? ta(key) : sharedErrorText(key));
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return (
    // A successful change empties the form: `key` gives it fresh inputs.
    <form key={state.status === "success" ? "done" : "form"} action={action} noValidate className="flex flex-col gap-5">
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state.status === "error" && state.formError ? (
        <FormErrorSummary>
          <p>{errorText(state.formError)}</p>
        </FormErrorSummary>
      ) : null}
      <TextField
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        error={errorText(fieldErrors.currentPassword)}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint", { min: minLength })}
        autoComplete="new-password"
        required
        maxLength={128}
        error={errorText(fieldErrors.newPassword)}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        required
        maxLength={128}
        error={errorText(fieldErrors.confirmPassword)}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
