"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { logFollowUpAction } from "@/lib/followups/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { FieldSection, FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

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
  const [state, action, pending] = useActionState<FormState, FormData>(logFollowUpAction, IDLE);
  const f = useFormValues(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormErrorBanner state={state} />
      <input type="hidden" name="personId" value={props.personId} />
      <FieldSection legend={t("planned")} hint={t("plannedHint")}>
        <TextField
          name="dueOn"
          type="date"
          label={t("dueOn")}
          defaultValue={f.value("dueOn", props.defaultDueOn)}
          error={f.error("dueOn")}
        />
        <SelectField
          name="assignedToId"
          label={t("assignedTo")}
          options={props.officers}
          defaultValue={f.value("assignedToId", props.actorId)}
          error={f.error("assignedToId")}
        />
      </FieldSection>
      <FieldSection legend={t("done")} hint={t("doneHint")}>
        <TextField
          name="doneAt"
          type="datetime-local"
          label={t("doneAt")}
          defaultValue={f.value("doneAt")}
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
      </FieldSection>
      <TextField
        name="summary"
        label={t("summary")}
        hint={t("summaryHint")}
        multiline
        maxLength={2000}
        defaultValue={f.value("summary")}
        error={f.error("summary")}
      />
      {props.notifications.length > 0 ? (
        <SelectField
          name="notificationId"
          label={t("notification")}
          options={props.notifications}
          placeholder={t("none")}
          defaultValue={f.value("notificationId")}
          error={f.error("notificationId")}
        />
      ) : null}
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}`}
        cancelLabel={t("cancel")}
      />
    </form>
  );
}
