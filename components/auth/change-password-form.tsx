"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations("account");
  const errorText = useErrorText();
  const form = useForm(changePasswordAction);
  const { state, pending } = form;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return (
    // A successful change empties the form: `key` gives it fresh inputs.
    <Form form={form} key={state.status === "success" ? "done" : "form"} noValidate className="flex flex-col gap-5">
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
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
    </Form>
  );
}
