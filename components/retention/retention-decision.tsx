"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { anonymisePersonAction, keepPersonAction } from "@/lib/retention/actions";
import { Button } from "@/components/ui/button";

/** Keep for another period, or (when due) anonymise: each behind a second, confirming step. */
export function RetentionDecision({
  personId,
  version,
  isDue,
  name,
}: {
  personId: string;
  version: number;
  isDue: boolean;
  name: string;
}) {
  const t = useTranslations("retention");
  const errorText = useErrorText();
  const keepForm = useForm(keepPersonAction);
  const { state: keepState, pending: keeping } = keepForm;
  const anonymiseForm = useForm(anonymisePersonAction);
  const { state: anonState, pending: anonymising } = anonymiseForm;
  const error =
    keepState.status === "error" ? keepState.formError : anonState.status === "error" ? anonState.formError : undefined;
  return (
    <div className="flex flex-col gap-2">
      <Form form={keepForm} banner={false}>
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" variant="secondary" disabled={keeping} aria-label={t("keepFor", { name })}>
          {t("keep")}
        </Button>
      </Form>
      {isDue ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
            {t("anonymise")}
          </summary>
          <Form
            form={anonymiseForm}
            banner={false}
            className="mt-2 flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3"
          >
            <input type="hidden" name="personId" value={personId} />
            <input type="hidden" name="version" value={version} />
            <p className="text-sm">{t("anonymiseExplained")}</p>
            <div>
              <Button type="submit" disabled={anonymising}>
                {t("confirmAnonymise")}
              </Button>
            </div>
          </Form>
        </details>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
