"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { logNotificationAction, updateNotificationAction } from "@/lib/notifications/actions";
import { buttonClass, Button } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

/** The saved values when editing a notification later. */
export type NotificationDefaults = {
  placeType: string;
  placeDescription: string;
  agencies: string[];
  participantIds: string[];
  outcome: string;
  response: string;
  askedForHelpOnSite: boolean;
  nextStep: string;
  internalNote: string;
};

export type LogNotificationFormProps = {
  personId: string;
  /** Editing a saved notification: its id and the version the user sees (optimistic locking). */
  edit?: { notificationId: string; version: number; defaults: NotificationDefaults };
  defaultOccurredAt: string;
  defaultAgency: string;
  agencyLabel: string;
  places: Option[];
  agencies: Option[];
  outcomes: Option[];
  responses: Option[];
  colleagues: Option[];
};

export function LogNotificationForm(props: LogNotificationFormProps) {
  const t = useTranslations("notificationForm");
  const tEdit = useTranslations("notificationEdit");
  const errorText = useErrorText();
  const edit = props.edit;
  const saved = edit?.defaults;
  const form = useForm(edit ? updateNotificationAction : logNotificationAction);
  const { state, pending } = form;

  // After a failed save, every field shows what the user typed.
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string, fallback?: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : values ? "" : fallback;
  };
  const list = (name: string, fallback: string[] = []) => {
    const value = values?.[name];
    return Array.isArray(value) ? value : values ? [] : fallback;
  };

  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {edit ? (
        <>
          <input type="hidden" name="notificationId" value={edit.notificationId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : (
        <input type="hidden" name="personId" value={props.personId} />
      )}
      <TextField
        name="occurredAt"
        type="datetime-local"
        label={t("occurredAt")}
        required
        defaultValue={v("occurredAt", props.defaultOccurredAt)}
        error={errorText(fieldErrors.occurredAt)}
      />
      <ChoiceGroup
        name="placeType"
        type="radio"
        label={t("placeType")}
        options={props.places}
        defaultValue={v("placeType", saved?.placeType)}
        error={errorText(fieldErrors.placeType)}
      />
      <TextField
        name="placeDescription"
        label={t("placeDescription")}
        hint={t("placeDescriptionHint")}
        maxLength={200}
        defaultValue={v("placeDescription", saved?.placeDescription)}
        error={errorText(fieldErrors.placeDescription)}
      />
      <ChoiceGroup
        name="agencies"
        type="checkbox"
        label={t("agencies")}
        options={props.agencies}
        defaultValue={list("agencies", saved?.agencies ?? [props.defaultAgency])}
        error={errorText(fieldErrors.agencies)}
      />
      <SelectField
        name="participantIds"
        multiple
        label={t("participants")}
        hint={t("participantsHint")}
        options={props.colleagues}
        defaultValue={list("participantIds", saved?.participantIds)}
        error={errorText(fieldErrors.participantIds)}
      />
      <ChoiceGroup
        name="outcome"
        type="radio"
        label={t("outcome")}
        options={props.outcomes}
        defaultValue={v("outcome", saved?.outcome)}
        error={errorText(fieldErrors.outcome)}
      />
      <SelectField
        name="response"
        label={t("response")}
        options={props.responses}
        placeholder={t("responseNone")}
        defaultValue={v("response", saved?.response ?? "")}
        error={errorText(fieldErrors.response)}
      />
      <CheckboxField
        name="askedForHelpOnSite"
        label={t("askedForHelpOnSite")}
        defaultChecked={values ? v("askedForHelpOnSite") === "on" : Boolean(saved?.askedForHelpOnSite)}
        error={errorText(fieldErrors.askedForHelpOnSite)}
      />
      <TextField
        name="nextStep"
        label={t("nextStep")}
        multiline
        maxLength={1000}
        defaultValue={v("nextStep", saved?.nextStep)}
        error={errorText(fieldErrors.nextStep)}
      />
      <TextField
        name="internalNote"
        label={t("internalNote", { agency: props.agencyLabel })}
        hint={edit ? tEdit("internalNoteEditHint") : t("internalNoteHint")}
        multiline
        maxLength={4000}
        defaultValue={v("internalNote", saved?.internalNote)}
        error={errorText(fieldErrors.internalNote)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : edit ? tEdit("submit") : t("submit")}
        </Button>
        <Link href={`/people/${props.personId}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
