"use client";
import { Form, useForm } from "@/components/ui/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { addMembershipAction, updateMembershipAction } from "@/lib/groups/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

export type MembershipFormProps = {
  personId: string;
  roles: Option[];
  agencies: Option[];
  confidences: Option[];
  /** Adding: the groups to choose from. */
  groups?: Option[];
  defaults: {
    validFrom: string;
    validTo: string;
    role: string;
    sourceAgency: string;
    confidence: string;
    reviewDueOn: string;
  };
  /** Editing: the membership and the version the user sees. */
  edit?: { membershipId: string; version: number; lastReviewed: string | null };
};

export function MembershipForm(props: MembershipFormProps) {
  const t = useTranslations("membershipForm");
  const edit = props.edit;
  const form = useForm(edit ? updateMembershipAction : addMembershipAction);
  const { pending } = form;
  const d = props.defaults;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {edit ? (
        <>
          <input type="hidden" name="membershipId" value={edit.membershipId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : (
        <>
          <input type="hidden" name="personId" value={props.personId} />
          <SelectField
            name="groupId"
            label={t("group")}
            required
            placeholder={t("chooseGroup")}
            options={props.groups ?? []}
            defaultValue={form.value("groupId", "")}
            error={form.error("groupId")}
          />
        </>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="validFrom"
          type="date"
          label={t("validFrom")}
          required
          defaultValue={form.value("validFrom", d.validFrom)}
          error={form.error("validFrom")}
        />
        <TextField
          name="validTo"
          type="date"
          label={t("validTo")}
          hint={t("validToHint")}
          defaultValue={form.value("validTo", d.validTo)}
          error={form.error("validTo")}
        />
      </div>
      <SelectField
        name="role"
        label={t("role")}
        options={props.roles}
        defaultValue={form.value("role", d.role)}
        error={form.error("role")}
      />
      <ChoiceGroup
        name="sourceAgency"
        type="radio"
        label={t("sourceAgency")}
        options={props.agencies}
        defaultValue={form.value("sourceAgency", d.sourceAgency)}
        error={form.error("sourceAgency")}
      />
      <ChoiceGroup
        name="confidence"
        type="radio"
        label={t("confidence")}
        hint={t("confidenceHint")}
        options={props.confidences}
        defaultValue={form.value("confidence", d.confidence)}
        error={form.error("confidence")}
      />
      <TextField
        name="reviewDueOn"
        type="date"
        label={t("reviewDueOn")}
        hint={t("reviewDueOnHint")}
        required
        defaultValue={form.value("reviewDueOn", d.reviewDueOn)}
        error={form.error("reviewDueOn")}
      />
      {edit ? (
        <div>
          {edit.lastReviewed ? (
            <p className="mb-1 text-sm text-slate-700">{t("lastReviewed", { date: edit.lastReviewed })}</p>
          ) : null}
          <CheckboxField name="markReviewed" label={t("markReviewed")} defaultChecked={form.checked("markReviewed")} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : edit ? t("save") : t("create")}
        </Button>
        <Link href={`/people/${props.personId}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
