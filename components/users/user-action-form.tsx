"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { deactivateUserAction, reactivateUserAction, resetSecondFactorAction } from "@/lib/users/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, FormErrorSummary } from "@/components/ui/fields";

const ACTIONS = {
  deactivate: deactivateUserAction,
  reactivate: reactivateUserAction,
  reset: resetSecondFactorAction,
} as const;
const TEXTS = {
  deactivate: { title: "deactivateTitle", help: "deactivateHelp", submit: "deactivate" },
  reactivate: { title: "reactivateTitle", help: "reactivateHelp", submit: "reactivate" },
  reset: { title: "resetTitle", help: "resetHelp", submit: "reset" },
} as const;

/** One administrative action on an account, confirmed by a tick, sent with the version shown. */
export function UserActionForm({
  kind,
  userId,
  version,
}: {
  kind: keyof typeof ACTIONS;
  userId: string;
  version: number;
}) {
  const t = useTranslations("user");
  const errorText = useErrorText();
  const form = useForm(ACTIONS[kind]);
  const { state, pending } = form;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const texts = TEXTS[kind];
  return (
    <Form
      form={form}
      banner={false}
      noValidate
      className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{t(texts.title)}</h2>
      <p className="text-slate-700">{t(texts.help)}</p>
      {state.status === "error" && state.formError && state.formError !== "checkFields" ? (
        <FormErrorSummary>
          <p>{errorText(state.formError)}</p>
        </FormErrorSummary>
      ) : null}
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <CheckboxField name="confirm" label={t("confirm")} error={errorText(fieldErrors.confirm)} />
      <div>
        <Button type="submit" variant={kind === "reactivate" ? "primary" : "secondary"} disabled={pending}>
          {t(texts.submit)}
        </Button>
      </div>
    </Form>
  );
}
