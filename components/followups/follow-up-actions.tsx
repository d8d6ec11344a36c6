"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeFollowUpAction, deleteFollowUpAction, rescheduleFollowUpAction } from "@/lib/followups/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

/** Marking a planned follow-up done: when, how, and what came of it. */
export function CompleteFollowUpForm(props: {
  followUpId: string;
  version: number;
  from?: string;
  defaultDoneAt: string;
  defaultSummary: string;
  contactTypes: Option[];
}) {
  const t = useTranslations("followUpForm");
  const [state, action, pending] = useActionState<FormState, FormData>(completeFollowUpAction, IDLE);
  const f = useFormValues(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormErrorBanner state={state} />
      <input type="hidden" name="followUpId" value={props.followUpId} />
      <input type="hidden" name="version" value={props.version} />
      {props.from ? <input type="hidden" name="from" value={props.from} /> : null}
      <TextField
        name="doneAt"
        type="datetime-local"
        label={t("doneAt")}
        required
        defaultValue={f.value("doneAt", props.defaultDoneAt)}
        error={f.error("doneAt")}
      />
      <ChoiceGroup
        name="contactType"
        type="radio"
        label={t("contactType")}
        options={props.contactTypes}
        defaultValue={f.value("contactType")}
        error={f.error("contactType")}
      />
      <TextField
        name="summary"
        label={t("summary")}
        multiline
        maxLength={2000}
        defaultValue={f.value("summary", props.defaultSummary)}
        error={f.error("summary")}
      />
      <SubmitRow pending={pending} label={t("complete")} pendingLabel={t("saving")} />
    </form>
  );
}

/** Moving a planned follow-up to another day or officer. */
export function RescheduleFollowUpForm(props: {
  followUpId: string;
  version: number;
  defaultDueOn: string;
  defaultOfficer: string;
  officers: Option[];
}) {
  const t = useTranslations("followUpForm");
  const [state, action, pending] = useActionState<FormState, FormData>(rescheduleFollowUpAction, IDLE);
  const f = useFormValues(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormErrorBanner state={state} />
      <input type="hidden" name="followUpId" value={props.followUpId} />
      <input type="hidden" name="version" value={props.version} />
      <TextField
        name="dueOn"
        type="date"
        label={t("newDueOn")}
        required
        defaultValue={f.value("dueOn", props.defaultDueOn)}
        error={f.error("dueOn")}
      />
      <SelectField
        name="assignedToId"
        label={t("assignedTo")}
        options={props.officers}
        defaultValue={f.value("assignedToId", props.defaultOfficer)}
        error={f.error("assignedToId")}
      />
      <SubmitRow pending={pending} label={t("reschedule")} pendingLabel={t("saving")} />
    </form>
  );
}

/** Removing a planned follow-up, behind a disclosure so it is never one accidental tap. */
export function DeleteFollowUpForm(props: { followUpId: string; version: number }) {
  const t = useTranslations("followUpForm");
  const [state, action, pending] = useActionState<FormState, FormData>(deleteFollowUpAction, IDLE);
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="min-h-11 cursor-pointer content-center font-medium">{t("deleteSummary")}</summary>
      <form action={action} className="mt-3 flex flex-col gap-3">
        <FormErrorBanner state={state} />
        <input type="hidden" name="followUpId" value={props.followUpId} />
        <input type="hidden" name="version" value={props.version} />
        <p>{t("deleteExplained")}</p>
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("deleteConfirm")}
          </Button>
        </div>
      </form>
    </details>
  );
}
