"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { findPersonForAuditAction } from "@/lib/audit-log/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";

/** "Who has read this person's file?" starting from a personnummer (posted, never in the URL). */
export function PersonLookupForm() {
  const t = useTranslations("audit");
  const errorText = useErrorText();
  const form = useForm(findPersonForAuditAction);
  const { state, pending } = form;
  const value =
    state.status === "error" && typeof state.values.identityNumber === "string" ? state.values.identityNumber : "";
  const error =
    state.status === "error"
      ? (state.fieldErrors.identityNumber ?? (state.formError === "notFound" ? "personNotFound" : state.formError))
      : undefined;
  return (
    <Form form={form} banner={false} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
      <div className="grow">
        <TextField
          name="identityNumber"
          label={t("lookupLabel")}
          hint={t("lookupHint")}
          autoComplete="off"
          maxLength={13}
          defaultValue={value}
          error={errorText(error)}
        />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-7">
        {t("lookup")}
      </Button>
    </Form>
  );
}
