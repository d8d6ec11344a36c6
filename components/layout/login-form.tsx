"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, TextField } from "@/components/ui/fields";

/** Step 1 of signing in: e-mail and password. */
export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.error ? (
        <FormErrorSummary>
          <p>
            {state.error === "locked"
              ? t("locked", { minutes: state.minutes ?? 1 })
              : t(state.error === "invalidCode" ? "invalid" : state.error)}
          </p>
        </FormErrorSummary>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={state.email}
        maxLength={320}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        maxLength={1024}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
