"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { recordConsentAction } from "@/lib/consent/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

/** `coverage`: the closed list of what a consent can cover, labelled by the page. */
export function RecordConsentForm({
  personId,
  coverage,
  today,
  isMinor,
}: {
  personId: string;
  coverage: Option[];
  today: string;
  isMinor: boolean;
}) {
  const t = useTranslations("consent");
  const errorText = useErrorText();
  const form = useForm(recordConsentAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string, fallback?: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : values ? "" : fallback;
  };
  const chosen = Array.isArray(values?.coverage) ? (values.coverage as string[]) : [];

  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={personId} />
      <ChoiceGroup
        key={chosen.join("|")}
        name="coverage"
        type="checkbox"
        label={t("coverage")}
        hint={t("coverageHint")}
        options={coverage}
        defaultValue={chosen}
        error={errorText(fieldErrors.coverage)}
        stacked
      />
      <TextField
        name="documentReference"
        label={t("documentReference")}
        hint={t("documentReferenceHint")}
        maxLength={100}
        defaultValue={v("documentReference")}
        error={errorText(fieldErrors.documentReference)}
      />
      <TextField
        name="givenOn"
        type="date"
        label={t("givenOn")}
        defaultValue={v("givenOn", today)}
        error={errorText(fieldErrors.givenOn)}
      />
      <CheckboxField
        name="guardianConsent"
        label={t("guardianConsent")}
        hint={isMinor ? t("guardianConsentMinor") : t("guardianConsentHint")}
        defaultChecked={v("guardianConsent") === "on"}
        error={errorText(fieldErrors.guardianConsent)}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </Form>
  );
}
