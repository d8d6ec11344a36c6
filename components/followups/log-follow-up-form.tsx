"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { logFollowUpAction } from "@/lib/followups/actions";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export function LogFollowUpForm(props: {
  personId: string;
  actorId: string;
  officers: Option[];
  notifications: Option[];
  contactTypes: Option[];
  defaultDueOn: string;
}) {
  const t = useTranslations("followUpForm");
  const form = useForm(logFollowUpAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={props.personId} />
      <FieldSection legend={t("planned")} hint={t("plannedHint")}>
        <TextField
          name="dueOn"
          type="date"
          label={t("dueOn")}
          defaultValue={form.value("dueOn", props.defaultDueOn)}
          error={form.error("dueOn")}
        />
        <SelectField
          name="assignedToId"
          label={t("assignedTo")}
          options={props.officers}
          defaultValue={form.value("assignedToId", props.actorId)}
          error={form.error("assignedToId")}
        />
      </FieldSection>
      <FieldSection legend={t("done")} hint={t("doneHint")}>
        <TextField
          name="doneAt"
          type="datetime-local"
          label={t("doneAt")}
          defaultValue={form.value("doneAt")}
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
      </FieldSection>
      <TextField
        name="summary"
        label={t("summary")}
        hint={t("summaryHint")}
        multiline
        maxLength={2000}
        defaultValue={form.value("summary")}
        error={form.error("summary")}
      />
      {props.notifications.length > 0 ? (
        <SelectField
          name="notificationId"
          label={t("notification")}
          options={props.notifications}
          placeholder={t("none")}
          defaultValue={form.value("notificationId")}
          error={form.error("notificationId")}
        />
      ) : null}
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
