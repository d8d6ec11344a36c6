"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { planVisitAction } from "@/lib/visits/actions";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

/** Planning a custom notification: the window, the place, the team (checkboxes, self ticked), the round. */
export function PlanVisitForm(props: {
  personId: string;
  actorId: string;
  places: Option[];
  colleagues: Option[];
  rounds: Option[];
  defaultRoundId: string;
  defaultStartsOn: string;
  defaultEndsOn: string;
}) {
  const t = useTranslations("visitPlanForm");
  const form = useForm(planVisitAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="personId" value={props.personId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="windowStartsOn"
          type="date"
          label={t("windowStartsOn")}
          hint={t("windowHint")}
          required
          defaultValue={form.value("windowStartsOn", props.defaultStartsOn)}
          error={form.error("windowStartsOn")}
        />
        <TextField
          name="windowEndsOn"
          type="date"
          label={t("windowEndsOn")}
          required
          defaultValue={form.value("windowEndsOn", props.defaultEndsOn)}
          error={form.error("windowEndsOn")}
        />
      </div>
      <ChoiceGroup
        name="placeType"
        type="radio"
        label={t("placeType")}
        options={props.places}
        defaultValue={form.value("placeType", "HOME")}
        error={form.error("placeType")}
      />
      <TextField
        name="placeDescription"
        label={t("placeDescription")}
        maxLength={200}
        defaultValue={form.value("placeDescription")}
        error={form.error("placeDescription")}
      />
      <ChoiceGroup
        name="teamIds"
        type="checkbox"
        stacked
        label={t("team")}
        hint={t("teamHint")}
        options={props.colleagues}
        defaultValue={form.list("teamIds", [props.actorId])}
        error={form.error("teamIds")}
      />
      {props.rounds.length > 0 ? (
        <SelectField
          name="roundId"
          label={t("round")}
          options={props.rounds}
          placeholder={t("roundNone")}
          defaultValue={form.value("roundId", props.defaultRoundId)}
          error={form.error("roundId")}
        />
      ) : null}
      <SubmitRow
        pending={form.pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        cancelHref={`/people/${props.personId}`}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
