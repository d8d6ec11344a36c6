"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";
import {
  addPlanMeasureAction,
  changePlanMeasureStatusAction,
  createPlanAction,
  editPlanMeasureAction,
  updatePlanAction,
} from "@/lib/plans/actions";

type Option = { value: string; label: string };

/** Starting the plan (no `plan`) or changing its goals and review date, as seen (version). */
export function PlanForm(props: {
  personId: string;
  plan: { id: string; version: number; goals: string; reviewOn: string } | null;
}) {
  const t = useTranslations("planForm");
  const form = useForm(props.plan ? updatePlanAction : createPlanAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      {props.plan ? (
        <>
          <input type="hidden" name="planId" value={props.plan.id} />
          <input type="hidden" name="version" value={props.plan.version} />
        </>
      ) : (
        <input type="hidden" name="personId" value={props.personId} />
      )}
      <TextField
        name="goals"
        label={t("goals")}
        hint={t("goalsHint")}
        multiline
        rows={6}
        maxLength={4000}
        required
        defaultValue={form.value("goals", props.plan?.goals ?? "")}
        error={form.error("goals")}
      />
      <TextField
        name="reviewOn"
        type="date"
        label={t("reviewOn")}
        defaultValue={form.value("reviewOn", props.plan?.reviewOn ?? "")}
        error={form.error("reviewOn")}
      />
      <SubmitRow
        pending={pending}
        label={props.plan ? t("submitEdit") : t("submitCreate")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}/plan`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}

/** The fields a measure has, for adding one and for changing one. */
function MeasureFields({
  form,
  responsibles,
  defaults,
}: {
  form: ReturnType<typeof useForm>;
  responsibles: Option[];
  defaults: { title: string; description: string; responsibleId: string; dueOn: string };
}) {
  const t = useTranslations("planForm");
  return (
    <>
      <TextField
        name="title"
        label={t("measureTitle")}
        required
        maxLength={200}
        defaultValue={form.value("title", defaults.title)}
        error={form.error("title")}
      />
      <TextField
        name="description"
        label={t("description")}
        multiline
        maxLength={2000}
        defaultValue={form.value("description", defaults.description)}
        error={form.error("description")}
      />
      <SelectField
        name="responsibleId"
        label={t("responsible")}
        options={responsibles}
        defaultValue={form.value("responsibleId", defaults.responsibleId)}
        error={form.error("responsibleId")}
      />
      <TextField
        name="dueOn"
        type="date"
        label={t("dueOn")}
        required
        defaultValue={form.value("dueOn", defaults.dueOn)}
        error={form.error("dueOn")}
      />
    </>
  );
}

/** Adding a measure of the actor's own agency to the plan. */
export function AddMeasureForm(props: {
  personId: string;
  planId: string;
  responsibles: Option[];
  defaults: { responsibleId: string; dueOn: string };
}) {
  const t = useTranslations("planForm");
  const form = useForm(addPlanMeasureAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="planId" value={props.planId} />
      <MeasureFields
        form={form}
        responsibles={props.responsibles}
        defaults={{ title: "", description: "", ...props.defaults }}
      />
      <SubmitRow
        pending={form.pending}
        label={t("submitAdd")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}/plan`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}

/** Rewording, reassigning or rescheduling one of the agency's own measures, as seen (version). */
export function EditMeasureForm(props: {
  measureId: string;
  version: number;
  responsibles: Option[];
  defaults: { title: string; description: string; responsibleId: string; dueOn: string };
}) {
  const t = useTranslations("planForm");
  const form = useForm(editPlanMeasureAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="measureId" value={props.measureId} />
      <input type="hidden" name="version" value={props.version} />
      <MeasureFields form={form} responsibles={props.responsibles} defaults={props.defaults} />
      <SubmitRow pending={form.pending} label={t("submitEditMeasure")} pendingLabel={t("saving")} />
    </Form>
  );
}

/** Moving one of the agency's own measures to another status, with an optional comment. */
export function MeasureStatusForm(props: { measureId: string; version: number; status: string; statuses: Option[] }) {
  const t = useTranslations("planForm");
  const form = useForm(changePlanMeasureStatusAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="measureId" value={props.measureId} />
      <input type="hidden" name="version" value={props.version} />
      <SelectField
        name="toStatus"
        label={t("toStatus")}
        options={props.statuses}
        defaultValue={form.value("toStatus", props.status)}
        error={form.error("toStatus")}
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
      <SubmitRow pending={form.pending} label={t("submitStatus")} pendingLabel={t("saving")} />
    </Form>
  );
}
