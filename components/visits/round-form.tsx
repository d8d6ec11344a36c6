"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { addRoundPeopleAction, createRoundAction } from "@/lib/rounds/actions";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { FieldSection, SubmitRow } from "@/components/activities/form-kit";

type Option = { value: string; label: string };

/** A new round (name, period, people), or more people for a round (`roundId`). */
export function RoundForm(props: { roundId?: string; groups: Option[]; caseload: Option[]; cancelHref: string }) {
  const t = useTranslations("roundForm");
  const form = useForm(props.roundId ? addRoundPeopleAction : createRoundAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {props.roundId ? (
        <input type="hidden" name="roundId" value={props.roundId} />
      ) : (
        <>
          <TextField
            name="name"
            label={t("name")}
            hint={t("nameHint")}
            required
            maxLength={100}
            defaultValue={form.value("name")}
            error={form.error("name")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="startsOn"
              type="date"
              label={t("startsOn")}
              required
              defaultValue={form.value("startsOn")}
              error={form.error("startsOn")}
            />
            <TextField
              name="endsOn"
              type="date"
              label={t("endsOn")}
              required
              defaultValue={form.value("endsOn")}
              error={form.error("endsOn")}
            />
          </div>
        </>
      )}
      <FieldSection legend={t("people")} hint={t("peopleHint")}>
        {props.groups.length > 0 ? (
          <ChoiceGroup
            name="groupIds"
            type="checkbox"
            stacked
            label={t("groups")}
            options={props.groups}
            defaultValue={form.list("groupIds")}
            error={form.error("groupIds")}
          />
        ) : null}
        {props.caseload.length > 0 ? (
          <ChoiceGroup
            name="personIds"
            type="checkbox"
            stacked
            label={t("caseload")}
            options={props.caseload}
            defaultValue={form.list("personIds")}
            error={form.error("personIds")}
          />
        ) : null}
        <TextField
          name="personNumbers"
          label={t("personNumbers")}
          hint={t("personNumbersHint")}
          multiline
          defaultValue={form.value("personNumbers")}
          error={form.error("personNumbers")}
        />
      </FieldSection>
      <SubmitRow
        pending={form.pending}
        label={props.roundId ? t("submitAdd") : t("submit")}
        pendingLabel={t("saving")}
        cancelHref={props.cancelHref}
        cancelLabel={t("cancel")}
      />
    </Form>
  );
}
