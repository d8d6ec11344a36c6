"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";
import {
  addAgendaPersonAction,
  completeTaskAction,
  recordDecisionAction,
  saveMinutesAction,
} from "@/lib/meetings/actions";
import { TASK_ROWS, taskField } from "@/lib/meetings/schemas";

type Option = { value: string; label: string };

/** The actor's own agency's minutes about one person on the agenda (no other agency sees them). */
export function MinutesForm(props: {
  meetingId: string;
  personId: string;
  personName: string;
  version: number;
  text: string;
}) {
  const t = useTranslations("meetingForm");
  const form = useForm(saveMinutesAction);
  const id = `minutes-${props.personId}`;
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="personId" value={props.personId} />
      <input type="hidden" name="version" value={props.version} />
      <TextField
        id={id}
        name="text"
        label={t("minutes", { name: props.personName })}
        hint={t("minutesHint")}
        multiline
        rows={5}
        maxLength={5000}
        defaultValue={form.value("text", props.text)}
        error={form.error("text")}
      />
      <SubmitRow pending={form.pending} label={t("saveMinutes")} pendingLabel={t("saving")} />
    </Form>
  );
}

/** A joint decision about one person and the tasks it becomes (one per filled row). */
export function DecisionForm(props: {
  meetingId: string;
  personId: string;
  personName: string;
  actorId: string;
  colleagues: Option[];
  defaultDueOn: string;
}) {
  const t = useTranslations("meetingForm");
  const form = useForm(recordDecisionAction);
  const at = (name: string) => `${name}-${props.personId}`;
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="personId" value={props.personId} />
      <TextField
        id={at("decision")}
        name="text"
        label={t("decision", { name: props.personName })}
        multiline
        maxLength={2000}
        defaultValue={form.value("text")}
        error={form.error("text")}
      />
      {Array.from({ length: TASK_ROWS }, (_, i) => (
        <FieldSection key={i} legend={t("task", { number: i + 1 })} hint={i === 0 ? t("taskHint") : undefined}>
          <TextField
            id={at(taskField.title(i))}
            name={taskField.title(i)}
            label={t("taskTitle")}
            maxLength={300}
            defaultValue={form.value(taskField.title(i))}
            error={form.error(taskField.title(i))}
          />
          <TaskResponsible
            id={at(taskField.responsibleId(i))}
            name={taskField.responsibleId(i)}
            label={t("taskResponsible")}
            placeholder={t("choose")}
            options={props.colleagues}
            defaultValue={form.value(taskField.responsibleId(i), i === 0 ? props.actorId : "")}
            error={form.error(taskField.responsibleId(i))}
          />
          <TextField
            id={at(taskField.dueOn(i))}
            name={taskField.dueOn(i)}
            type="date"
            label={t("taskDueOn")}
            defaultValue={form.value(taskField.dueOn(i), i === 0 ? props.defaultDueOn : "")}
            error={form.error(taskField.dueOn(i))}
          />
        </FieldSection>
      ))}
      <SubmitRow pending={form.pending} label={t("recordDecision")} pendingLabel={t("saving")} />
    </Form>
  );
}

/** SelectField with its own id: the page has one decision form per person. */
function TaskResponsible(props: {
  id: string;
  name: string;
  label: string;
  placeholder: string;
  options: Option[];
  defaultValue: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block font-medium">
        {props.label}
      </label>
      <select
        key={props.defaultValue}
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm ${props.error ? "border-red-700" : "border-slate-500"}`}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Marking a task done: shown to the owning agency only. */
export function CompleteTaskForm(props: { taskId: string; version: number; title: string }) {
  const t = useTranslations("meetingForm");
  const form = useForm(completeTaskAction);
  return (
    <Form form={form} className="inline">
      <input type="hidden" name="taskId" value={props.taskId} />
      <input type="hidden" name="version" value={props.version} />
      <Button
        type="submit"
        variant="secondary"
        disabled={form.pending}
        aria-label={t("markDoneOf", { title: props.title })}
      >
        {t("markDone")}
      </Button>
    </Form>
  );
}

/** Putting a person from the search on the agenda. */
export function AddAgendaPersonForm(props: { meetingId: string; version: number; personId: string; name: string }) {
  const t = useTranslations("meetingForm");
  const form = useForm(addAgendaPersonAction);
  return (
    <Form form={form} className="inline">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="personId" value={props.personId} />
      <Button type="submit" variant="secondary" disabled={form.pending} aria-label={t("addOf", { name: props.name })}>
        {t("add")}
      </Button>
    </Form>
  );
}
