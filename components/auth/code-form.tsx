"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recoveryCodeAction, verifyCodeAction, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, TextField } from "@/components/ui/fields";

function SignInError({ state }: { state: SignInState }) {
  const t = useTranslations("login");
  if (!state.error) return null;
  return (
    <FormErrorSummary>
      <p>{state.error === "locked" ? t("locked", { minutes: state.minutes ?? 1 }) : t(state.error)}</p>
    </FormErrorSummary>
  );
}

/** Step 2 of signing in: the six-digit code from the authenticator app. */
export function TotpCodeForm() {
  const t = useTranslations("verify");
  const [state, action, pending] = useActionState<SignInState, FormData>(verifyCodeAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <SignInError state={state} />
      <TextField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        maxLength={12}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/** Step 2 without the phone: a recovery code. */
export function RecoveryCodeForm() {
  const t = useTranslations("recovery");
  const [state, action, pending] = useActionState<SignInState, FormData>(recoveryCodeAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <SignInError state={state} />
      <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="off" required maxLength={40} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

export { SignInError };
