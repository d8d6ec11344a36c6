"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";
import { requestFileTransferAction } from "@/lib/transfers/actions";

type Option = { value: string; label: string };

/** "Flytta akten till annan ort": the receiving site, the person's consent, and what it covers. */
export function RequestTransferForm({ personId, sites }: { personId: string; sites: Option[] }) {
  const t = useTranslations("transferForm");
  const form = useForm(requestFileTransferAction);
  const checked = (name: string) => form.value(name) === "on";
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={personId} />
      <SelectField
        name="toSiteId"
        label={t("site")}
        options={sites}
        placeholder={t("choose")}
        required
        defaultValue={form.value("toSiteId")}
        error={form.error("toSiteId")}
      />
      <TextField
        name="consentReference"
        label={t("consentReference")}
        hint={t("consentReferenceHint")}
        required
        maxLength={100}
        defaultValue={form.value("consentReference")}
        error={form.error("consentReference")}
      />
      <TextField
        name="consentGivenOn"
        type="date"
        label={t("consentGivenOn")}
        required
        defaultValue={form.value("consentGivenOn")}
        error={form.error("consentGivenOn")}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t("carriesLegend")}</legend>
        <CheckboxField
          name="carriesPlan"
          label={t("carriesPlan")}
          defaultChecked={checked("carriesPlan")}
          error={form.error("carriesPlan")}
        />
        <CheckboxField
          name="carriesReferrals"
          label={t("carriesReferrals")}
          defaultChecked={checked("carriesReferrals")}
          error={form.error("carriesReferrals")}
        />
        <CheckboxField
          name="carriesSupportMeasures"
          label={t("carriesSupportMeasures")}
          defaultChecked={checked("carriesSupportMeasures")}
          error={form.error("carriesSupportMeasures")}
        />
      </fieldset>
      <SubmitRow
        pending={form.pending}
        label={t("submit")}
        pendingLabel={t("sending")}
        cancelHref={`/people/${personId}`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
