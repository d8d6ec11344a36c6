"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addSupportMeasureAction, editSupportMeasureAction } from "@/lib/referrals/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { CheckboxField, ChoiceGroup, TextField } from "@/components/ui/fields";
import { Alert } from "@/components/ui/alert";
import { FieldSection, FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

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
  const [state, action, pending] = useActionState<FormState, FormData>(
    editing ? editSupportMeasureAction : addSupportMeasureAction,
    IDLE,
  );
  const f = useFormValues(state);
  const d = props.defaults;
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormErrorBanner state={state} />
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
        defaultValue={f.value("type", d.type)}
        error={f.error("type")}
      />
      <ChoiceGroup
        name="status"
        type="radio"
        label={t("status")}
        options={props.statuses}
        defaultValue={f.value("status", d.status)}
        error={f.error("status")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsOn"
          type="date"
          label={t("startsOn")}
          hint={t("startsOnHint")}
          required
          defaultValue={f.value("startsOn", d.startsOn)}
          error={f.error("startsOn")}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("endsOn")}
          hint={t("endsOnHint")}
          defaultValue={f.value("endsOn", d.endsOn)}
          error={f.error("endsOn")}
        />
      </div>
      <TextField
        name="outcome"
        label={t("outcome")}
        multiline
        maxLength={1000}
        defaultValue={f.value("outcome", d.outcome)}
        error={f.error("outcome")}
      />
      {props.isHandler ? (
        <FieldSection legend={t("relocation")} hint={t("relocationHint")}>
          <TextField
            name="destinationTown"
            label={t("destinationTown")}
            hint={t("destinationTownHint")}
            maxLength={100}
            defaultValue={f.value("destinationTown", d.destinationTown)}
            error={f.error("destinationTown")}
          />
          <CheckboxField
            name="markRelocated"
            label={t("markRelocated")}
            hint={t("markRelocatedHint")}
            defaultChecked={f.checked("markRelocated")}
            error={f.error("markRelocated")}
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
            defaultValue={f.value("protectTown", "yes")}
            error={f.error("protectTown")}
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
    </form>
  );
}
