"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { setWarningFlagAction } from "@/lib/warning-flags/actions";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export function SetWarningFlagForm(props: { personId: string; kinds: Option[]; agencyLabel: string }) {
  const t = useTranslations("warningFlagForm");
  const form = useForm(setWarningFlagAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={props.personId} />
      <ChoiceGroup
        name="kind"
        type="radio"
        label={t("kind")}
        options={props.kinds}
        stacked
        defaultValue={form.value("kind")}
        error={form.error("kind")}
      />
      <TextField
        name="reason"
        label={t("reason")}
        hint={t("reasonHint", { agency: props.agencyLabel })}
        multiline
        required
        maxLength={1000}
        defaultValue={form.value("reason")}
        error={form.error("reason")}
      />
      <TextField
        name="setOn"
        type="date"
        label={t("setOn")}
        hint={t("setOnHint")}
        defaultValue={form.value("setOn")}
        error={form.error("setOn")}
      />
      <TextField
        name="endsOn"
        type="date"
        label={t("endsOn")}
        hint={t("endsOnHint")}
        defaultValue={form.value("endsOn")}
        error={form.error("endsOn")}
      />
      <SubmitRow
        pending={form.pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
