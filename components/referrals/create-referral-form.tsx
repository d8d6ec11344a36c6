"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { createReferralAction } from "@/lib/referrals/actions";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export function CreateReferralForm(props: {
  personId: string;
  defaultReferredAt: string;
  sources: Option[];
  notifications: Option[];
  callIns: Option[];
}) {
  const t = useTranslations("referralForm");
  const form = useForm(createReferralAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={props.personId} />
      <ChoiceGroup
        name="source"
        type="radio"
        label={t("source")}
        options={props.sources}
        defaultValue={form.value("source")}
        error={form.error("source")}
      />
      {props.notifications.length > 0 ? (
        <SelectField
          name="notificationId"
          label={t("notification")}
          hint={t("notificationHint")}
          options={props.notifications}
          placeholder={t("none")}
          defaultValue={form.value("notificationId")}
          error={form.error("notificationId")}
        />
      ) : null}
      {props.callIns.length > 0 ? (
        <SelectField
          name="callInId"
          label={t("callIn")}
          hint={t("callInHint")}
          options={props.callIns}
          placeholder={t("none")}
          defaultValue={form.value("callInId")}
          error={form.error("callInId")}
        />
      ) : null}
      <TextField
        name="referredAt"
        type="datetime-local"
        label={t("referredAt")}
        required
        defaultValue={form.value("referredAt", props.defaultReferredAt)}
        error={form.error("referredAt")}
      />
      <TextField
        name="comment"
        label={t("comment")}
        hint={t("commentHint")}
        multiline
        maxLength={1000}
        defaultValue={form.value("comment")}
        error={form.error("comment")}
      />
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
