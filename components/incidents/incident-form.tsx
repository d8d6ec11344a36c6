"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createIncidentAction, editIncidentAction } from "@/lib/incidents/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { FieldSection, FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export type IncidentFormProps = {
  incidentId?: string;
  version?: number;
  defaults: {
    occurredAt: string;
    type: string;
    district: string;
    place: string;
    killed: string;
    injured: string;
    groupMemberInvolvement: string;
    description: string;
    suspectedGroupIds: string[];
    victimGroupIds: string[];
  };
  /** Editing: the people already linked, as "<personId>:<role>" choices that stay while ticked. */
  linkedPeople: Option[];
  types: Option[];
  involvement: Option[];
  groups: Option[];
  districts: string[];
  cancelHref: string;
};

export function IncidentForm(props: IncidentFormProps) {
  const t = useTranslations("incidentForm");
  const editing = Boolean(props.incidentId);
  const [state, action, pending] = useActionState<FormState, FormData>(
    editing ? editIncidentAction : createIncidentAction,
    IDLE,
  );
  const f = useFormValues(state);
  const d = props.defaults;
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <FormErrorBanner state={state} />
      {editing ? (
        <>
          <input type="hidden" name="incidentId" value={props.incidentId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : null}
      <FieldSection legend={t("what")}>
        <TextField
          name="occurredAt"
          type="datetime-local"
          label={t("occurredAt")}
          required
          defaultValue={f.value("occurredAt", d.occurredAt)}
          error={f.error("occurredAt")}
        />
        <ChoiceGroup
          name="type"
          type="radio"
          label={t("type")}
          options={props.types}
          defaultValue={f.value("type", d.type)}
          error={f.error("type")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <DistrictField
            label={t("district")}
            hint={t("districtHint")}
            districts={props.districts}
            defaultValue={f.value("district", d.district)}
            error={f.error("district")}
          />
          <TextField
            name="place"
            label={t("place")}
            maxLength={200}
            defaultValue={f.value("place", d.place)}
            error={f.error("place")}
          />
          <TextField
            name="killed"
            type="number"
            label={t("killed")}
            defaultValue={f.value("killed", d.killed)}
            error={f.error("killed")}
          />
          <TextField
            name="injured"
            type="number"
            label={t("injured")}
            defaultValue={f.value("injured", d.injured)}
            error={f.error("injured")}
          />
        </div>
        <ChoiceGroup
          name="groupMemberInvolvement"
          type="radio"
          label={t("groupMemberInvolvement")}
          hint={t("groupMemberInvolvementHint")}
          options={props.involvement}
          defaultValue={f.value("groupMemberInvolvement", d.groupMemberInvolvement)}
          error={f.error("groupMemberInvolvement")}
        />
        <TextField
          name="description"
          label={t("description")}
          multiline
          maxLength={2000}
          defaultValue={f.value("description", d.description)}
          error={f.error("description")}
        />
      </FieldSection>
      <FieldSection legend={t("groups")}>
        <ChoiceGroup
          name="suspectedGroupIds"
          type="checkbox"
          label={t("suspectedGroups")}
          options={props.groups}
          defaultValue={f.list("suspectedGroupIds", d.suspectedGroupIds)}
          error={f.error("suspectedGroupIds")}
        />
        <ChoiceGroup
          name="victimGroupIds"
          type="checkbox"
          label={t("victimGroups")}
          options={props.groups}
          defaultValue={f.list("victimGroupIds", d.victimGroupIds)}
          error={f.error("victimGroupIds")}
        />
      </FieldSection>
      <FieldSection legend={t("people")} hint={t("peopleHint")}>
        {props.linkedPeople.length > 0 ? (
          <ChoiceGroup
            name="keepPeople"
            type="checkbox"
            label={t("linkedPeople")}
            hint={t("linkedPeopleHint")}
            options={props.linkedPeople}
            defaultValue={f.list(
              "keepPeople",
              props.linkedPeople.map((p) => p.value),
            )}
            error={f.error("keepPeople")}
          />
        ) : null}
        <TextField
          name="newVictims"
          label={t("newVictims")}
          hint={t("identityNumbersHint")}
          multiline
          defaultValue={f.value("newVictims")}
          error={f.error("newVictims")}
        />
        <TextField
          name="newSuspects"
          label={t("newSuspects")}
          hint={t("identityNumbersHint")}
          multiline
          defaultValue={f.value("newSuspects")}
          error={f.error("newSuspects")}
        />
      </FieldSection>
      <SubmitRow
        pending={pending}
        label={editing ? t("save") : t("create")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </form>
  );
}

/** The district, with the site's known districts offered as suggestions (free text still allowed). */
function DistrictField({
  label,
  hint,
  districts,
  defaultValue,
  error,
}: {
  label: string;
  hint: string;
  districts: string[];
  defaultValue: string;
  error?: string;
}) {
  const describedBy = [`field-district-hint`, error ? `field-district-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor="field-district" className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id="field-district"
        name="district"
        list="known-districts"
        required
        maxLength={100}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm ${error ? "border-red-700" : "border-slate-500"}`}
      />
      <datalist id="known-districts">
        {districts.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <p id="field-district-hint" className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
      {error ? (
        <p id="field-district-error" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
