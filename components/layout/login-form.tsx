"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, TextField } from "@/components/ui/fields";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.error ? (
        <FormErrorSummary>
          <p>{t(state.error)}</p>
        </FormErrorSummary>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state.email} />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
