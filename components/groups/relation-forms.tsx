"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { Button } from "@/components/ui/button";
import { endGroupRelationAction, recordGroupRelationAction } from "@/lib/group-relations/actions";

type Option = { value: string; label: string };

/** Recording a conflict or an alliance with another group of the site, from a date. */
export function RecordRelationForm({
  groupId,
  otherGroups,
  kinds,
  agencyName,
  today,
}: {
  groupId: string;
  otherGroups: Option[];
  kinds: Option[];
  agencyName: string;
  today: string;
}) {
  const t = useTranslations("groupRelations");
  const form = useForm(recordGroupRelationAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="groupId" value={groupId} />
      <SelectField
        name="otherGroupId"
        label={t("otherGroup")}
        placeholder={t("chooseGroup")}
        options={otherGroups}
        required
        defaultValue={form.value("otherGroupId")}
        error={form.error("otherGroupId")}
      />
      <ChoiceGroup
        name="kind"
        type="radio"
        label={t("kind")}
        options={kinds}
        defaultValue={form.value("kind", kinds[0]?.value ?? "")}
        error={form.error("kind")}
      />
      <TextField
        name="validFrom"
        type="date"
        label={t("validFrom")}
        hint={t("validFromHint")}
        required
        defaultValue={form.value("validFrom", today)}
        error={form.error("validFrom")}
      />
      <p className="text-sm text-slate-700">{t("sourceHint", { agency: agencyName })}</p>
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
      </div>
    </Form>
  );
}

/** Ending one relation in force on a date, as seen at `version`. */
export function EndRelationForm({
  relationId,
  version,
  groupId,
  legend,
  today,
}: {
  relationId: string;
  version: number;
  groupId: string;
  legend: string;
  today: string;
}) {
  const t = useTranslations("groupRelations");
  const form = useForm(endGroupRelationAction);
  return (
    <Form form={form} noValidate>
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-3 sm:flex-row sm:items-end">
        <legend className="px-1 font-medium">{legend}</legend>
        <input type="hidden" name="relationId" value={relationId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="groupId" value={groupId} />
        <TextField
          id={`field-validTo-${relationId}`}
          name="validTo"
          type="date"
          label={t("validTo")}
          required
          defaultValue={form.value("validTo", today)}
          error={form.error("validTo")}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={form.pending}>
            {form.pending ? t("ending") : t("end")}
          </Button>
        </div>
      </fieldset>
    </Form>
  );
}
