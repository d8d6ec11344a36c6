"use client";
import { Form, FormErrorBanner, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { decideExtractRequestAction } from "@/lib/register-extract/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";

/** MANAGER's decision: one note, and the button pressed says approve or reject (with the reason). */
export function DecideRequestForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("extractRequests");
  const errorText = useErrorText();
  const form = useForm(decideExtractRequestAction);
  const { state, pending } = form;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const note =
    state.status === "error" && typeof state.values.decisionNote === "string" ? state.values.decisionNote : "";
  return (
    <Form
      form={form}
      banner={false}
      noValidate
      aria-labelledby="decide-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
    >
      <h2 id="decide-title" className="text-lg font-semibold">
        {t("decideTitle")}
      </h2>
      <p className="text-slate-700">{t("decideHelp")}</p>
      <FormErrorBanner state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="decisionNote"
        label={t("decisionNoteLabel")}
        hint={t("decisionNoteHint")}
        multiline
        maxLength={1000}
        defaultValue={note}
        error={errorText(fieldErrors.decisionNote)}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="APPROVED" disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="REJECTED" variant="secondary" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
      {fieldErrors.decision ? (
        <p id="field-decision-error" className="text-sm font-medium text-red-800">
          {errorText(fieldErrors.decision)}
        </p>
      ) : null}
    </Form>
  );
}
