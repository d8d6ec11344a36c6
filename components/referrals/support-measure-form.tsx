"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { addSupportMeasureAction, editSupportMeasureAction } from "@/lib/referrals/actions";
import { CheckboxField, ChoiceGroup, TextField } from "@/components/ui/fields";
import { Alert } from "@/components/ui/alert";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export type SupportMeasureFormProps = {
  referralId: string;
  /** Editing: the measure and the version the user sees. */
  measureId?: string;
  version?: number;
  /** Whether the user handles the person: only they see and write the protected destination. */
  isHandler: boolean;
  defaults: {
    type: string;
    status: string;
    startsOn: string;
    endsOn: string;
    outcome: string;
    destinationTown: string;
  };
  types: Option[];
  statuses: Option[];
};

export function SupportMeasureForm(props: SupportMeasureFormProps) {
  const t = useTranslations("measureForm");
  const editing = Boolean(props.measureId);
  const form = useForm(editing ? editSupportMeasureAction : addSupportMeasureAction);
  const { pending } = form;
  const d = props.defaults;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {editing ? (
        <>
          <input type="hidden" name="measureId" value={props.measureId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : (
        <input type="hidden" name="referralId" value={props.referralId} />
      )}
      <ChoiceGroup
        name="type"
        type="radio"
        label={t("type")}
        options={props.types}
        defaultValue={form.value("type", d.type)}
        error={form.error("type")}
      />
      <ChoiceGroup
        name="status"
        type="radio"
        label={t("status")}
        options={props.statuses}
        defaultValue={form.value("status", d.status)}
        error={form.error("status")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsOn"
          type="date"
          label={t("startsOn")}
          hint={t("startsOnHint")}
          required
          defaultValue={form.value("startsOn", d.startsOn)}
          error={form.error("startsOn")}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("endsOn")}
          hint={t("endsOnHint")}
          defaultValue={form.value("endsOn", d.endsOn)}
          error={form.error("endsOn")}
        />
      </div>
      <TextField
        name="outcome"
        label={t("outcome")}
        multiline
        maxLength={1000}
        defaultValue={form.value("outcome", d.outcome)}
        error={form.error("outcome")}
      />
      {props.isHandler ? (
        <FieldSection legend={t("relocation")} hint={t("relocationHint")}>
          <TextField
            name="destinationTown"
            label={t("destinationTown")}
            hint={t("destinationTownHint")}
            maxLength={100}
            defaultValue={form.value("destinationTown", d.destinationTown)}
            error={form.error("destinationTown")}
          />
          <CheckboxField
            name="markRelocated"
            label={t("markRelocated")}
            hint={t("markRelocatedHint")}
            defaultChecked={form.checked("markRelocated")}
            error={form.error("markRelocated")}
          />
          <ChoiceGroup
            name="protectTown"
            type="radio"
            label={t("protectTown")}
            hint={t("protectTownHint")}
            options={[
              { value: "yes", label: t("protectTownYes") },
              { value: "no", label: t("protectTownNo") },
            ]}
            // Asked at every relocation; protected unless the secretary says otherwise.
            defaultValue={form.value("protectTown", "yes")}
            error={form.error("protectTown")}
          />
        </FieldSection>
      ) : (
        <Alert tone="info">{t("notHandler")}</Alert>
      )}
      <SubmitRow
        pending={pending}
        label={editing ? t("save") : t("add")}
        pendingLabel={t("saving")}
        cancelHref={`/referrals/${props.referralId}`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
