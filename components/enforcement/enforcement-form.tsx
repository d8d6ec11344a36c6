"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { recordEnforcementFormAction } from "@/lib/enforcement/actions";
import { CheckboxField, ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export type EnforcementFormProps = {
  /** Recorded from a person's file: the person is fixed. */
  person?: { id: string; name: string; isDeprived: boolean; statusLabel: string };
  /** Recorded from a group: the group is fixed, a member may be named. */
  group?: { id: string; name: string };
  members: Option[];
  groups: Option[];
  defaultGroupId?: string;
  types: Option[];
  defaultOccurredAt: string;
  cancelHref: string;
};

export function EnforcementForm(props: EnforcementFormProps) {
  const t = useTranslations("enforcementForm");
  const form = useForm(recordEnforcementFormAction);
  const { pending } = form;
  const canNamePerson = Boolean(props.person) || props.members.length > 0;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {props.person ? <input type="hidden" name="personId" value={props.person.id} /> : null}
      {props.group ? (
        <>
          <input type="hidden" name="groupId" value={props.group.id} />
          {props.members.length > 0 ? (
            <SelectField
              name="personId"
              label={t("member")}
              hint={t("memberHint")}
              options={props.members}
              placeholder={t("wholeGroup")}
              defaultValue={form.value("personId")}
              error={form.error("personId")}
            />
          ) : null}
        </>
      ) : (
        <SelectField
          name="groupId"
          label={props.person ? t("groupOptional") : t("group")}
          hint={props.person ? t("groupHint") : t("groupRequiredHint")}
          options={props.groups}
          placeholder={t("noGroup")}
          defaultValue={form.value("groupId", props.defaultGroupId ?? "")}
          error={form.error("groupId")}
        />
      )}
      <ChoiceGroup
        name="type"
        type="radio"
        label={t("type")}
        options={props.types}
        defaultValue={form.value("type")}
        error={form.error("type")}
      />
      <TextField
        name="occurredAt"
        type="datetime-local"
        label={t("occurredAt")}
        required
        defaultValue={form.value("occurredAt", props.defaultOccurredAt)}
        error={form.error("occurredAt")}
      />
      <TextField
        name="description"
        label={t("description")}
        multiline
        maxLength={2000}
        defaultValue={form.value("description")}
        error={form.error("description")}
      />
      {canNamePerson ? (
        props.person?.isDeprived ? (
          <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
            {t("alreadyDeprived", { name: props.person.name })}
          </p>
        ) : (
          <CheckboxField
            name="setDeprivedOfLiberty"
            label={props.person ? t("setDeprivedNamed", { name: props.person.name }) : t("setDeprived")}
            hint={t("setDeprivedHint", { status: props.person?.statusLabel ?? "" })}
            defaultChecked={form.checked("setDeprivedOfLiberty")}
            error={form.error("setDeprivedOfLiberty")}
          />
        )
      ) : null}
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
