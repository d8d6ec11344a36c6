"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { createFederatedUserAction } from "@/lib/users/actions";

type Option = { value: string; label: string };

/** A new account for someone who signs in through their agency's IdP (lib/users/schemas.ts). */
export function CreateFederatedUserForm({ roles, agencies }: { roles: Option[]; agencies: Option[] }) {
  const t = useTranslations("newUser");
  const errorText = useErrorText();
  const form = useForm(createFederatedUserAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return (
    <Form form={form} noValidate className="flex max-w-xl flex-col gap-5">
      <TextField
        name="name"
        label={t("name")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={v("name")}
        error={errorText(fieldErrors.name)}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        required
        maxLength={320}
        autoComplete="off"
        defaultValue={v("email")}
        error={errorText(fieldErrors.email)}
      />
      <SelectField
        name="role"
        label={t("role")}
        required
        options={roles}
        placeholder=""
        defaultValue={v("role")}
        error={errorText(fieldErrors.role)}
      />
      <SelectField
        name="agency"
        label={t("agency")}
        hint={t("agencyHint")}
        options={agencies}
        placeholder={t("agencyOfRole")}
        defaultValue={v("agency")}
        error={errorText(fieldErrors.agency)}
      />
      <TextField
        name="federatedSubject"
        label={t("subject")}
        hint={t("subjectHint")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={v("federatedSubject")}
        error={errorText(fieldErrors.federatedSubject)}
      />
      <CheckboxField name="confirm" label={t("confirm")} error={errorText(fieldErrors.confirm)} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("create")}
        </Button>
        <Link href="/admin/users" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
