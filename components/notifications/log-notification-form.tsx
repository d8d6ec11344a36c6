"use client";
import { Form, useForm } from "@/components/ui/form";
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
  roundId: string;
};

/** Logging the visit of a plan: the plan, and what the form starts from. */
export type NotificationFromPlan = {
  plannedVisitId: string;
  placeType: string;
  placeDescription: string;
  participantIds: string[];
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
  /** The signed-in user: ticked among the staff who took part on a new notification. */
  actorId: string;
  /** The site's rounds, and the one preselected (the current round) on a new notification. */
  rounds: Option[];
  defaultRoundId: string;
  fromPlan?: NotificationFromPlan;
};

export function LogNotificationForm(props: LogNotificationFormProps) {
  const t = useTranslations("notificationForm");
  const tEdit = useTranslations("notificationEdit");
  const edit = props.edit;
  const saved = edit?.defaults;
  const plan = props.fromPlan;
  const form = useForm(edit ? updateNotificationAction : logNotificationAction);
  const { pending } = form;

  // After a failed save, every field shows what the user typed.

  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {edit ? (
        <>
          <input type="hidden" name="notificationId" value={edit.notificationId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : (
        <>
          <input type="hidden" name="personId" value={props.personId} />
          {plan ? <input type="hidden" name="plannedVisitId" value={plan.plannedVisitId} /> : null}
        </>
      )}
      <TextField
        name="occurredAt"
        type="datetime-local"
        label={t("occurredAt")}
        required
        defaultValue={form.value("occurredAt", props.defaultOccurredAt)}
        error={form.error("occurredAt")}
      />
      <ChoiceGroup
        name="placeType"
        type="radio"
        label={t("placeType")}
        options={props.places}
        defaultValue={form.value("placeType", saved?.placeType ?? plan?.placeType)}
        error={form.error("placeType")}
      />
      <TextField
        name="placeDescription"
        label={t("placeDescription")}
        hint={t("placeDescriptionHint")}
        maxLength={200}
        defaultValue={form.value("placeDescription", saved?.placeDescription ?? plan?.placeDescription)}
        error={form.error("placeDescription")}
      />
      <ChoiceGroup
        name="agencies"
        type="checkbox"
        label={t("agencies")}
        options={props.agencies}
        defaultValue={form.list("agencies", saved?.agencies ?? [props.defaultAgency])}
        error={form.error("agencies")}
      />
      {/* Checkboxes, not a multi-select: usable on a phone; the user is ticked on a new notification. */}
      <ChoiceGroup
        name="participantIds"
        type="checkbox"
        stacked
        label={t("participants")}
        hint={t("participantsHint")}
        options={props.colleagues}
        defaultValue={form.list("participantIds", saved?.participantIds ?? plan?.participantIds ?? [props.actorId])}
        error={form.error("participantIds")}
      />
      {props.rounds.length > 0 ? (
        <SelectField
          name="roundId"
          label={t("round")}
          hint={edit ? undefined : t("roundHint")}
          options={props.rounds}
          placeholder={t("roundNone")}
          defaultValue={form.value("roundId", saved ? saved.roundId : props.defaultRoundId)}
          error={form.error("roundId")}
        />
      ) : null}
      <ChoiceGroup
        name="outcome"
        type="radio"
        label={t("outcome")}
        options={props.outcomes}
        defaultValue={form.value("outcome", saved?.outcome)}
        error={form.error("outcome")}
      />
      <SelectField
        name="response"
        label={t("response")}
        options={props.responses}
        placeholder={t("responseNone")}
        defaultValue={form.value("response", saved?.response ?? "")}
        error={form.error("response")}
      />
      <CheckboxField
        name="askedForHelpOnSite"
        label={t("askedForHelpOnSite")}
        defaultChecked={form.checked("askedForHelpOnSite", Boolean(saved?.askedForHelpOnSite))}
        error={form.error("askedForHelpOnSite")}
      />
      <TextField
        name="nextStep"
        label={t("nextStep")}
        multiline
        maxLength={1000}
        defaultValue={form.value("nextStep", saved?.nextStep)}
        error={form.error("nextStep")}
      />
      <TextField
        name="internalNote"
        label={t("internalNote", { agency: props.agencyLabel })}
        hint={edit ? tEdit("internalNoteEditHint") : t("internalNoteHint")}
        multiline
        maxLength={4000}
        defaultValue={form.value("internalNote", saved?.internalNote)}
        error={form.error("internalNote")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : edit ? tEdit("submit") : t("submit")}
        </Button>
        <Link
          href={plan ? `/visits/${plan.plannedVisitId}` : `/people/${props.personId}`}
          className={buttonClass("secondary")}
        >
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
