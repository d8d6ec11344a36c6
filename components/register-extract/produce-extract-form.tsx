"use client";
import { Form, FormErrorBanner, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { produceRegisterExtractAction } from "@/lib/register-extract/actions";
import { Button } from "@/components/ui/button";

/** "Ta fram utdrag": a POST of its own, the one event that produces the extract. */
export function ProduceExtractForm({ requestId, minutes }: { requestId: string; minutes: number }) {
  const t = useTranslations("extractRequests");
  const form = useForm(produceRegisterExtractAction);
  const { state, pending } = form;
  return (
    <Form
      form={form}
      banner={false}
      noValidate
      aria-labelledby="produce-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
    >
      <h2 id="produce-title" className="text-lg font-semibold">
        {t("produceTitle")}
      </h2>
      <p className="text-slate-700">{t("produceHelp", { minutes })}</p>
      <FormErrorBanner state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("producing") : t("produce")}
        </Button>
      </div>
    </Form>
  );
}
