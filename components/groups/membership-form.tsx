"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
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
  const errorText = useErrorText();
  const edit = props.edit;
  const form = useForm(edit ? updateMembershipAction : addMembershipAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string, fallback?: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : values ? "" : fallback;
  };
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
            defaultValue={v("groupId", "")}
            error={errorText(fieldErrors.groupId)}
          />
        </>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="validFrom"
          type="date"
          label={t("validFrom")}
          required
          defaultValue={v("validFrom", d.validFrom)}
          error={errorText(fieldErrors.validFrom)}
        />
        <TextField
          name="validTo"
          type="date"
          label={t("validTo")}
          hint={t("validToHint")}
          defaultValue={v("validTo", d.validTo)}
          error={errorText(fieldErrors.validTo)}
        />
      </div>
      <SelectField
        name="role"
        label={t("role")}
        options={props.roles}
        defaultValue={v("role", d.role)}
        error={errorText(fieldErrors.role)}
      />
      <ChoiceGroup
        name="sourceAgency"
        type="radio"
        label={t("sourceAgency")}
        options={props.agencies}
        defaultValue={v("sourceAgency", d.sourceAgency)}
        error={errorText(fieldErrors.sourceAgency)}
      />
      <ChoiceGroup
        name="confidence"
        type="radio"
        label={t("confidence")}
        hint={t("confidenceHint")}
        options={props.confidences}
        defaultValue={v("confidence", d.confidence)}
        error={errorText(fieldErrors.confidence)}
      />
      <TextField
        name="reviewDueOn"
        type="date"
        label={t("reviewDueOn")}
        hint={t("reviewDueOnHint")}
        required
        defaultValue={v("reviewDueOn", d.reviewDueOn)}
        error={errorText(fieldErrors.reviewDueOn)}
      />
      {edit ? (
        <div>
          {edit.lastReviewed ? (
            <p className="mb-1 text-sm text-slate-700">{t("lastReviewed", { date: edit.lastReviewed })}</p>
          ) : null}
          <CheckboxField name="markReviewed" label={t("markReviewed")} defaultChecked={v("markReviewed") === "on"} />
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
