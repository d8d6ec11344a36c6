"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { produceRegisterExtractAction } from "@/lib/register-extract/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { FormErrorBanner } from "@/components/ui/fields";
import { useExtractErrorText } from "./use-error-text";

/** "Ta fram utdrag": a POST of its own, the one event that produces the extract. */
export function ProduceExtractForm({ requestId, minutes }: { requestId: string; minutes: number }) {
  const t = useTranslations("extractRequests");
  const errorText = useExtractErrorText();
  const [state, action, pending] = useActionState<FormState, FormData>(produceRegisterExtractAction, IDLE);
  return (
    <form
      action={action}
      noValidate
      aria-labelledby="produce-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
    >
      <h2 id="produce-title" className="text-lg font-semibold">
        {t("produceTitle")}
      </h2>
      <p className="text-slate-700">{t("produceHelp", { minutes })}</p>
      <FormErrorBanner state={state} errorText={errorText} />
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("producing") : t("produce")}
        </Button>
      </div>
    </form>
  );
}
