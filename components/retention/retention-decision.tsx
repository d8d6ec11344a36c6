"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { anonymisePersonAction, keepPersonAction } from "@/lib/retention/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { useConfidErrorText } from "@/components/audit/use-error-text";

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
  const errorText = useConfidErrorText();
  const [keepState, keep, keeping] = useActionState<FormState, FormData>(keepPersonAction, IDLE);
  const [anonState, anonymise, anonymising] = useActionState<FormState, FormData>(anonymisePersonAction, IDLE);
  const error =
    keepState.status === "error" ? keepState.formError : anonState.status === "error" ? anonState.formError : undefined;
  return (
    <div className="flex flex-col gap-2">
      <form action={keep}>
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" variant="secondary" disabled={keeping} aria-label={t("keepFor", { name })}>
          {t("keep")}
        </Button>
      </form>
      {isDue ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
            {t("anonymise")}
          </summary>
          <form action={anonymise} className="mt-2 flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3">
            <input type="hidden" name="personId" value={personId} />
            <input type="hidden" name="version" value={version} />
            <p className="text-sm">{t("anonymiseExplained")}</p>
            <div>
              <Button type="submit" disabled={anonymising}>
                {t("confirmAnonymise")}
              </Button>
            </div>
          </form>
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
