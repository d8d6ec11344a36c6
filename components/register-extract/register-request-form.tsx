"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { registerExtractRequestAction } from "@/lib/register-extract/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { ChoiceGroup, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

/** ADMIN registers an access request as it came in; nothing of the file is shown or produced yet. */
export function RegisterRequestForm({
  personId,
  requesters,
  identityChecks,
  today,
  cancelHref,
}: {
  personId: string;
  requesters: Option[];
  identityChecks: Option[];
  today: string;
  cancelHref: string;
}) {
  const t = useTranslations("extractRequests");
  const errorText = useErrorText();
  const form = useForm(registerExtractRequestAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string, fallback?: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : values ? "" : fallback;
  };
  return (
    <Form
      form={form}
      noValidate
      className="flex max-w-2xl flex-col gap-5 rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
    >
      <input type="hidden" name="personId" value={personId} />
      <ChoiceGroup
        name="requester"
        type="radio"
        label={t("requesterLegend")}
        options={requesters}
        defaultValue={v("requester", "DATA_SUBJECT")}
        error={errorText(fieldErrors.requester)}
      />
      <TextField
        name="requesterName"
        label={t("requesterName")}
        hint={t("requesterNameHint")}
        maxLength={120}
        autoComplete="off"
        defaultValue={v("requesterName")}
        error={errorText(fieldErrors.requesterName)}
      />
      <TextField
        name="receivedOn"
        type="date"
        label={t("receivedOnLabel")}
        defaultValue={v("receivedOn", today)}
        error={errorText(fieldErrors.receivedOn)}
      />
      <ChoiceGroup
        name="identityCheck"
        type="radio"
        label={t("identityCheckLegend")}
        options={identityChecks}
        defaultValue={v("identityCheck")}
        error={errorText(fieldErrors.identityCheck)}
      />
      <TextField
        name="identityCheckNote"
        label={t("identityCheckNote")}
        hint={t("identityCheckNoteHint")}
        maxLength={200}
        autoComplete="off"
        defaultValue={v("identityCheckNote")}
        error={errorText(fieldErrors.identityCheckNote)}
      />
      <TextField
        name="reference"
        label={t("referenceLabel")}
        hint={t("referenceHint")}
        maxLength={60}
        autoComplete="off"
        defaultValue={v("reference")}
        error={errorText(fieldErrors.reference)}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submitRegister")}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
