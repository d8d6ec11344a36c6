"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { withdrawConsentAction } from "@/lib/consent/actions";
import { Button } from "@/components/ui/button";

/** Two steps (open, confirm) so a withdrawal, which takes effect at once, is never a slip. */
export function WithdrawConsentForm({ consentId, version }: { consentId: string; version: number }) {
  const t = useTranslations("consent");
  const te = useTranslations("errors");
  const errorText = useErrorText();
  const form = useForm(withdrawConsentAction);
  const { state, pending } = form;
  return (
    <details className="mt-2" open={state.status === "error"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
        {t("withdraw")}
      </summary>
      <Form
        form={form}
        banner={false}
        className="mt-2 flex flex-col gap-3 rounded-md border border-red-700 bg-red-50 p-3"
      >
        <input type="hidden" name="consentId" value={consentId} />
        <input type="hidden" name="version" value={version} />
        <p>{t("withdrawExplained")}</p>
        {state.status === "error" ? (
          <p role="alert" className="font-medium text-red-900">
            {errorText(state.formError ?? "unexpected")}
            {state.eventId ? ` ${te("eventId", { eventId: state.eventId })}` : null}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("withdrawing") : t("confirmWithdraw")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
