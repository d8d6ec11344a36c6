"use client";
import { Form, FormErrorBanner, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { endWarningFlagAction } from "@/lib/warning-flags/actions";
import { Button } from "@/components/ui/button";

/** Two steps (open, confirm): ending a warning takes it off every visit page. */
export function EndWarningFlagForm({ flagId, version, kind }: { flagId: string; version: number; kind: string }) {
  const t = useTranslations("warningFlags");
  const form = useForm(endWarningFlagAction);
  const { state, pending } = form;
  return (
    <details className="mt-1" open={state.status === "error"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium underline">
        {t("end")}
        <span className="sr-only"> – {kind}</span>
      </summary>
      <Form
        form={form}
        banner={false}
        className="mt-2 flex flex-col gap-3 rounded-md border border-red-700 bg-white p-3"
      >
        <input type="hidden" name="flagId" value={flagId} />
        <input type="hidden" name="version" value={version} />
        <p>{t("endExplained")}</p>
        <FormErrorBanner state={state} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("ending") : t("confirmEnd")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
