"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { editEnforcementFormAction } from "@/lib/enforcement/actions";
import { CheckboxField, ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export type EditEnforcementFormProps = {
  id: string;
  version: number;
  person: { name: string; isDeprived: boolean; statusLabel: string } | null;
  groups: Option[];
  types: Option[];
  stored: { groupId: string; type: string; occurredAt: string; description: string };
  cancelHref: string;
};

/** Correcting an action: after a failed save (a conflict too) every field shows what the user typed. */
export function EditEnforcementForm(props: EditEnforcementFormProps) {
  const t = useTranslations("enforcementForm");
  const te = useTranslations("enforcementEdit");
  const form = useForm(editEnforcementFormAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      {props.person ? <input type="hidden" name="hasPerson" value="on" /> : null}
      <SelectField
        name="groupId"
        label={props.person ? t("groupOptional") : t("group")}
        hint={props.person ? t("groupHint") : t("groupRequiredHint")}
        options={props.groups}
        placeholder={t("noGroup")}
        defaultValue={form.value("groupId", props.stored.groupId)}
        error={form.error("groupId")}
      />
      <ChoiceGroup
        name="type"
        type="radio"
        label={t("type")}
        options={props.types}
        defaultValue={form.value("type", props.stored.type)}
        error={form.error("type")}
      />
      <TextField
        name="occurredAt"
        type="datetime-local"
        label={t("occurredAt")}
        required
        defaultValue={form.value("occurredAt", props.stored.occurredAt)}
        error={form.error("occurredAt")}
      />
      <TextField
        name="description"
        label={t("description")}
        multiline
        maxLength={2000}
        defaultValue={form.value("description", props.stored.description)}
        error={form.error("description")}
      />
      {props.person ? (
        props.person.isDeprived ? (
          <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
            {t("alreadyDeprived", { name: props.person.name })}
          </p>
        ) : (
          <CheckboxField
            name="setDeprivedOfLiberty"
            label={t("setDeprivedNamed", { name: props.person.name })}
            hint={t("setDeprivedHint", { status: props.person.statusLabel })}
            defaultChecked={form.checked("setDeprivedOfLiberty")}
            error={form.error("setDeprivedOfLiberty")}
          />
        )
      ) : null}
      <p className="text-sm text-slate-700">{te("statusRule")}</p>
      <SubmitRow
        pending={pending}
        label={te("submit")}
        pendingLabel={te("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={te("cancel")}
      />
    </Form>
  );
}
