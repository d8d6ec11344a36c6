"use client";
import { useTranslations } from "next-intl";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { CheckboxField, FormErrorSummary } from "@/components/ui/fields";
import { setPasswordSignInAction } from "@/lib/users/actions";

/** Password + TOTP sign-in at the site, on or off (lib/users/mutations.ts: setPasswordSignIn). */
export function PasswordSignInForm({ site, enabled, version }: { site: string; enabled: boolean; version: number }) {
  const t = useTranslations("passwordSignIn");
  const errorText = useErrorText();
  const form = useForm(setPasswordSignInAction);
  const { state, pending } = form;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return (
    <Form
      form={form}
      banner={false}
      noValidate
      className="mb-6 flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-slate-700">{t(enabled ? "on" : "off", { site })}</p>
      {state.status === "error" && state.formError && state.formError !== "checkFields" ? (
        <FormErrorSummary>
          <p>{errorText(state.formError)}</p>
        </FormErrorSummary>
      ) : null}
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <input type="hidden" name="version" value={version} />
      <CheckboxField name="confirm" label={t("confirm")} error={errorText(fieldErrors.confirm)} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t(enabled ? "turnOff" : "turnOn")}
        </Button>
      </div>
    </Form>
  );
}
