"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { createIncidentAction, editIncidentAction } from "@/lib/incidents/actions";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";

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
  const form = useForm(editing ? editIncidentAction : createIncidentAction);
  const { pending } = form;
  const d = props.defaults;
  return (
    <Form form={form} noValidate className="flex flex-col gap-6">
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
          defaultValue={form.value("occurredAt", d.occurredAt)}
          error={form.error("occurredAt")}
        />
        <ChoiceGroup
          name="type"
          type="radio"
          label={t("type")}
          options={props.types}
          defaultValue={form.value("type", d.type)}
          error={form.error("type")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <DistrictField
            label={t("district")}
            hint={t("districtHint")}
            districts={props.districts}
            defaultValue={form.value("district", d.district)}
            error={form.error("district")}
          />
          <TextField
            name="place"
            label={t("place")}
            maxLength={200}
            defaultValue={form.value("place", d.place)}
            error={form.error("place")}
          />
          <TextField
            name="killed"
            type="number"
            label={t("killed")}
            defaultValue={form.value("killed", d.killed)}
            error={form.error("killed")}
          />
          <TextField
            name="injured"
            type="number"
            label={t("injured")}
            defaultValue={form.value("injured", d.injured)}
            error={form.error("injured")}
          />
        </div>
        <ChoiceGroup
          name="groupMemberInvolvement"
          type="radio"
          label={t("groupMemberInvolvement")}
          hint={t("groupMemberInvolvementHint")}
          options={props.involvement}
          defaultValue={form.value("groupMemberInvolvement", d.groupMemberInvolvement)}
          error={form.error("groupMemberInvolvement")}
        />
        <TextField
          name="description"
          label={t("description")}
          multiline
          maxLength={2000}
          defaultValue={form.value("description", d.description)}
          error={form.error("description")}
        />
      </FieldSection>
      <FieldSection legend={t("groups")}>
        <ChoiceGroup
          name="suspectedGroupIds"
          type="checkbox"
          label={t("suspectedGroups")}
          options={props.groups}
          defaultValue={form.list("suspectedGroupIds", d.suspectedGroupIds)}
          error={form.error("suspectedGroupIds")}
        />
        <ChoiceGroup
          name="victimGroupIds"
          type="checkbox"
          label={t("victimGroups")}
          options={props.groups}
          defaultValue={form.list("victimGroupIds", d.victimGroupIds)}
          error={form.error("victimGroupIds")}
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
            defaultValue={form.list(
              "keepPeople",
              props.linkedPeople.map((p) => p.value),
            )}
            error={form.error("keepPeople")}
          />
        ) : null}
        <TextField
          name="newVictims"
          label={t("newVictims")}
          hint={t("identityNumbersHint")}
          multiline
          defaultValue={form.value("newVictims")}
          error={form.error("newVictims")}
        />
        <TextField
          name="newSuspects"
          label={t("newSuspects")}
          hint={t("identityNumbersHint")}
          multiline
          defaultValue={form.value("newSuspects")}
          error={form.error("newSuspects")}
        />
      </FieldSection>
      <SubmitRow
        pending={pending}
        label={editing ? t("save") : t("create")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </Form>
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
