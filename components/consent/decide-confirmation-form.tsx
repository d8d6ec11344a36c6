"use client";
import { Form, FormErrorBanner, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { decideConsentConfirmationAction } from "@/lib/consent/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, TextField } from "@/components/ui/fields";

/**
 * The holding agency's answer to a request to confirm a consent: confirm (after checking the
 * signed document) or decline. The explanation says what confirming opens.
 */
export function DecideConfirmationForm({
  confirmationId,
  version,
  agencyLabel,
  recordedByLabel,
  documentReference,
}: {
  confirmationId: string;
  version: number;
  agencyLabel: string;
  recordedByLabel: string;
  documentReference: string;
}) {
  const t = useTranslations("consent");
  const form = useForm(decideConsentConfirmationAction);
  const { state, pending } = form;
  return (
    <Form
      form={form}
      banner={false}
      noValidate
      aria-label={t("decideTitle", { agency: agencyLabel })}
      className="mt-3 flex flex-col gap-3 rounded-md border border-amber-700 bg-amber-50 p-3"
    >
      <p className="font-semibold">{t("decideTitle", { agency: agencyLabel })}</p>
      <p className="text-sm">{t("decideExplained", { recordedBy: recordedByLabel, agency: agencyLabel })}</p>
      <FormErrorBanner state={state} />
      <input type="hidden" name="confirmationId" value={confirmationId} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        key={form.value("decision")}
        name="decision"
        type="radio"
        label={t("decision")}
        options={[
          { value: "CONFIRMED", label: t("decisionConfirm") },
          { value: "DECLINED", label: t("decisionDecline") },
        ]}
        defaultValue={form.value("decision")}
        error={form.error("decision")}
        stacked
      />
      <CheckboxField
        key={`checked-${form.value("checkedDocument")}`}
        name="checkedDocument"
        label={t("checkedDocument", { reference: documentReference })}
        defaultChecked={form.checked("checkedDocument")}
        error={form.error("checkedDocument")}
      />
      <TextField
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        multiline
        maxLength={300}
        defaultValue={form.value("note")}
        error={form.error("note")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submittingDecision") : t("submitDecision")}
        </Button>
      </div>
    </Form>
  );
}
