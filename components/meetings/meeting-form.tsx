"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";
import { createMeetingAction, editMeetingAction } from "@/lib/meetings/actions";

type Option = { value: string; label: string };

/**
 * Planning a meeting, or changing it: when, where, which agencies, and the colleagues taking part
 * as a list of checkboxes (a phone has no multi-select worth the name), the signed-in user ticked.
 */
export function MeetingForm(props: {
  meeting?: { id: string; version: number; status: string };
  defaults: { startsAt: string; place: string; title: string; agencies: string[]; participantIds: string[] };
  agencies: Option[];
  colleagues: Option[];
  statuses: Option[];
  cancelHref: string;
}) {
  const t = useTranslations("meetingForm");
  const form = useForm(props.meeting ? editMeetingAction : createMeetingAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {props.meeting ? (
        <>
          <input type="hidden" name="meetingId" value={props.meeting.id} />
          <input type="hidden" name="version" value={props.meeting.version} />
        </>
      ) : null}
      <TextField
        name="startsAt"
        type="datetime-local"
        label={t("startsAt")}
        required
        defaultValue={form.value("startsAt", props.defaults.startsAt)}
        error={form.error("startsAt")}
      />
      <TextField
        name="place"
        label={t("place")}
        required
        maxLength={200}
        defaultValue={form.value("place", props.defaults.place)}
        error={form.error("place")}
      />
      <TextField
        name="title"
        label={t("titleField")}
        hint={t("titleHint")}
        maxLength={200}
        defaultValue={form.value("title", props.defaults.title)}
        error={form.error("title")}
      />
      <ChoiceGroup
        name="agencies"
        type="checkbox"
        label={t("agencies")}
        options={props.agencies}
        defaultValue={form.list("agencies", props.defaults.agencies)}
        error={form.error("agencies")}
      />
      <ChoiceGroup
        name="participantIds"
        type="checkbox"
        stacked
        label={t("participants")}
        options={props.colleagues}
        defaultValue={form.list("participantIds", props.defaults.participantIds)}
        error={form.error("participantIds")}
      />
      {props.meeting ? (
        <ChoiceGroup
          name="status"
          type="radio"
          label={t("status")}
          options={props.statuses}
          defaultValue={form.value("status", props.meeting.status)}
          error={form.error("status")}
        />
      ) : null}
      <SubmitRow
        pending={pending}
        label={props.meeting ? t("saveChanges") : t("create")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
