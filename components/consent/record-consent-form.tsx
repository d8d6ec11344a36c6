"use client";
import { Form, useForm } from "@/components/ui/form";
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
  const form = useForm(recordConsentAction);
  const { pending } = form;
  const chosen = form.list("coverage");

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
        error={form.error("coverage")}
        stacked
      />
      <TextField
        name="documentReference"
        label={t("documentReference")}
        hint={t("documentReferenceHint")}
        maxLength={100}
        defaultValue={form.value("documentReference")}
        error={form.error("documentReference")}
      />
      <TextField
        name="givenOn"
        type="date"
        label={t("givenOn")}
        defaultValue={form.value("givenOn", today)}
        error={form.error("givenOn")}
      />
      <TextField
        name="validUntil"
        type="date"
        label={t("validUntil")}
        hint={t("validUntilHint")}
        defaultValue={form.value("validUntil")}
        error={form.error("validUntil")}
      />
      <CheckboxField
        name="guardianConsent"
        label={t("guardianConsent")}
        hint={isMinor ? t("guardianConsentMinor") : t("guardianConsentHint")}
        defaultChecked={form.checked("guardianConsent")}
        error={form.error("guardianConsent")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </Form>
  );
}
