"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { createCallInAction, editCallInAction } from "@/lib/callins/actions";
import { CheckboxField, ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

export type AttendeeRow = {
  personId: string;
  name: string;
  /** Shown beside the name when it matters to whoever plans the meeting (e.g. deprived of liberty). */
  note?: string;
  status: string;
  response: string;
  askedForHelp: boolean;
};

export type CallInFormProps = {
  callInId?: string;
  version?: number;
  defaults: {
    occurredAt: string;
    venue: string;
    description: string;
    speakerPolice: string[];
    speakerSocial: string[];
    speakerProbation: string[];
    communitySpeakers: string;
  };
  speakers: { POLICE: Option[]; SOCIAL: Option[]; PROBATION: Option[] };
  groups: Option[];
  attendees?: AttendeeRow[];
  statuses: Option[];
  responses: Option[];
  cancelHref: string;
};

/** Planning a call-in, and (editing) recording who came, how they responded and who asked for help. */
export function CallInForm(props: CallInFormProps) {
  const t = useTranslations("callInForm");
  const editing = Boolean(props.callInId);
  const form = useForm(editing ? editCallInAction : createCallInAction);
  const { pending } = form;
  const d = props.defaults;

  return (
    <Form form={form} noValidate className="flex flex-col gap-6">
      {editing ? (
        <>
          <input type="hidden" name="callInId" value={props.callInId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : null}

      <FieldSection legend={t("meeting")}>
        <TextField
          name="occurredAt"
          type="datetime-local"
          label={t("occurredAt")}
          hint={t("occurredAtHint")}
          required
          defaultValue={form.value("occurredAt", d.occurredAt)}
          error={form.error("occurredAt")}
        />
        <TextField
          name="venue"
          label={t("venue")}
          required
          maxLength={200}
          defaultValue={form.value("venue", d.venue)}
          error={form.error("venue")}
        />
        <TextField
          name="description"
          label={t("description")}
          multiline
          maxLength={2000}
          defaultValue={form.value("description", d.description)}
          error={form.error("description")}
        />
      </FieldSection>

      <FieldSection legend={t("speakers")} hint={t("speakersHint")}>
        <ChoiceGroup
          name="speakerPolice"
          type="checkbox"
          label={t("speakerPolice")}
          options={props.speakers.POLICE}
          defaultValue={form.list("speakerPolice", d.speakerPolice)}
          error={form.error("speakerPolice")}
        />
        <ChoiceGroup
          name="speakerSocial"
          type="checkbox"
          label={t("speakerSocial")}
          options={props.speakers.SOCIAL}
          defaultValue={form.list("speakerSocial", d.speakerSocial)}
          error={form.error("speakerSocial")}
        />
        <ChoiceGroup
          name="speakerProbation"
          type="checkbox"
          label={t("speakerProbation")}
          options={props.speakers.PROBATION}
          defaultValue={form.list("speakerProbation", d.speakerProbation)}
          error={form.error("speakerProbation")}
        />
        <TextField
          name="communitySpeakers"
          label={t("communitySpeakers")}
          hint={t("communitySpeakersHint")}
          multiline
          defaultValue={form.value("communitySpeakers", d.communitySpeakers)}
          error={form.error("communitySpeakers")}
        />
      </FieldSection>

      {props.attendees ? (
        <FieldSection legend={t("attendees")} hint={t("attendeesHint")}>
          {form.error("attendees") ? <p className="font-medium text-red-800">{form.error("attendees")}</p> : null}
          {props.attendees.length === 0 ? <p>{t("noAttendees")}</p> : null}
          <ul className="flex flex-col gap-3">
            {props.attendees.map((a) => (
              <li key={a.personId}>
                <input type="hidden" name="attendee" value={a.personId} />
                <fieldset className="grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-3 sm:grid-cols-2">
                  <legend className="px-1 font-semibold">
                    {a.name}
                    {a.note ? <span className="ml-2 text-sm font-medium text-amber-900">({a.note})</span> : null}
                  </legend>
                  {/* One control per invitee: the four answers side by side, one click each. */}
                  <div className="sm:col-span-2">
                    <ChoiceGroup
                      name={`status_${a.personId}`}
                      type="radio"
                      label={t("inviteeStatus")}
                      options={props.statuses}
                      defaultValue={form.value(`status_${a.personId}`, a.status)}
                      error={form.error(`status_${a.personId}`)}
                    />
                  </div>
                  <SelectField
                    name={`response_${a.personId}`}
                    label={t("response")}
                    options={props.responses}
                    placeholder={t("noResponse")}
                    defaultValue={form.value(`response_${a.personId}`, a.response)}
                    error={form.error(`response_${a.personId}`)}
                  />
                  <CheckboxField
                    name={`help_${a.personId}`}
                    label={t("askedForHelp")}
                    defaultChecked={form.checked(`help_${a.personId}`, a.askedForHelp)}
                    error={form.error(`help_${a.personId}`)}
                  />
                  <CheckboxField
                    name={`remove_${a.personId}`}
                    label={t("remove")}
                    defaultChecked={form.checked(`remove_${a.personId}`)}
                  />
                </fieldset>
              </li>
            ))}
          </ul>
        </FieldSection>
      ) : null}

      <FieldSection legend={editing ? t("inviteMore") : t("invite")} hint={t("inviteHint")}>
        <ChoiceGroup
          name="inviteGroupIds"
          type="checkbox"
          label={t("inviteGroups")}
          options={props.groups}
          defaultValue={form.list("inviteGroupIds")}
          error={form.error("inviteGroupIds")}
        />
        <TextField
          name="invitePersonNumbers"
          label={t("invitePersonNumbers")}
          hint={t("invitePersonNumbersHint")}
          multiline
          defaultValue={form.value("invitePersonNumbers")}
          error={form.error("invitePersonNumbers")}
        />
      </FieldSection>

      <SubmitRow
        pending={pending}
        label={editing ? t("save") : t("create")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
