"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { completeFollowUpAction, deleteFollowUpAction, rescheduleFollowUpAction } from "@/lib/followups/actions";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

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
  const form = useForm(completeFollowUpAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="followUpId" value={props.followUpId} />
      <input type="hidden" name="version" value={props.version} />
      {props.from ? <input type="hidden" name="from" value={props.from} /> : null}
      <TextField
        name="doneAt"
        type="datetime-local"
        label={t("doneAt")}
        required
        defaultValue={form.value("doneAt", props.defaultDoneAt)}
        error={form.error("doneAt")}
      />
      <ChoiceGroup
        name="contactType"
        type="radio"
        label={t("contactType")}
        options={props.contactTypes}
        defaultValue={form.value("contactType")}
        error={form.error("contactType")}
      />
      <TextField
        name="summary"
        label={t("summary")}
        multiline
        maxLength={2000}
        defaultValue={form.value("summary", props.defaultSummary)}
        error={form.error("summary")}
      />
      <SubmitRow pending={pending} label={t("complete")} pendingLabel={t("saving")} />
    </Form>
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
  const form = useForm(rescheduleFollowUpAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="followUpId" value={props.followUpId} />
      <input type="hidden" name="version" value={props.version} />
      <TextField
        name="dueOn"
        type="date"
        label={t("newDueOn")}
        required
        defaultValue={form.value("dueOn", props.defaultDueOn)}
        error={form.error("dueOn")}
      />
      <SelectField
        name="assignedToId"
        label={t("assignedTo")}
        options={props.officers}
        defaultValue={form.value("assignedToId", props.defaultOfficer)}
        error={form.error("assignedToId")}
      />
      <SubmitRow pending={pending} label={t("reschedule")} pendingLabel={t("saving")} />
    </Form>
  );
}

/** Removing a planned follow-up, behind a disclosure so it is never one accidental tap. */
export function DeleteFollowUpForm(props: { followUpId: string; version: number }) {
  const t = useTranslations("followUpForm");
  const form = useForm(deleteFollowUpAction);
  const { pending } = form;
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="min-h-11 cursor-pointer content-center font-medium">{t("deleteSummary")}</summary>
      <Form form={form} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="followUpId" value={props.followUpId} />
        <input type="hidden" name="version" value={props.version} />
        <p>{t("deleteExplained")}</p>
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("deleteConfirm")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
