"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createReferralAction } from "@/lib/referrals/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export function CreateReferralForm(props: {
  personId: string;
  defaultReferredAt: string;
  sources: Option[];
  notifications: Option[];
  callIns: Option[];
}) {
  const t = useTranslations("referralForm");
  const [state, action, pending] = useActionState<FormState, FormData>(createReferralAction, IDLE);
  const f = useFormValues(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormErrorBanner state={state} />
      <input type="hidden" name="personId" value={props.personId} />
      <ChoiceGroup
        name="source"
        type="radio"
        label={t("source")}
        options={props.sources}
        defaultValue={f.value("source")}
        error={f.error("source")}
      />
      {props.notifications.length > 0 ? (
        <SelectField
          name="notificationId"
          label={t("notification")}
          hint={t("notificationHint")}
          options={props.notifications}
          placeholder={t("none")}
          defaultValue={f.value("notificationId")}
          error={f.error("notificationId")}
        />
      ) : null}
      {props.callIns.length > 0 ? (
        <SelectField
          name="callInId"
          label={t("callIn")}
          hint={t("callInHint")}
          options={props.callIns}
          placeholder={t("none")}
          defaultValue={f.value("callInId")}
          error={f.error("callInId")}
        />
      ) : null}
      <TextField
        name="referredAt"
        type="datetime-local"
        label={t("referredAt")}
        required
        defaultValue={f.value("referredAt", props.defaultReferredAt)}
        error={f.error("referredAt")}
      />
      <TextField
        name="comment"
        label={t("comment")}
        hint={t("commentHint")}
        multiline
        maxLength={1000}
        defaultValue={f.value("comment")}
        error={f.error("comment")}
      />
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
