"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { ChoiceGroup, SelectField, TextField } from "@/components/ui/fields";
import { Button } from "@/components/ui/button";
import { handOverCaseloadAction, handOverPeopleAction } from "@/lib/assignments/actions";

type Option = { value: string; label: string };

/** "Lämna över": check people of one's own caseload and choose the colleague who takes them. */
export function HandOverPeopleForm({ people, colleagues }: { people: Option[]; colleagues: Option[] }) {
  const t = useTranslations("handover");
  const form = useForm(handOverPeopleAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <ChoiceGroup
        name="personIds"
        type="checkbox"
        label={t("people")}
        options={people}
        defaultValue={form.list("personIds")}
        error={form.error("personIds")}
      />
      <SelectField
        name="toUserId"
        label={t("toUser")}
        placeholder={t("chooseColleague")}
        options={colleagues}
        required
        defaultValue={form.value("toUserId")}
        error={form.error("toUserId")}
      />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </Form>
  );
}

/** A colleague's whole caseload to another colleague, with the caseload gate's reason. */
export function HandOverCaseloadForm({
  coordinators,
  colleagues,
  reasons,
}: {
  coordinators: Option[];
  colleagues: Option[];
  reasons: Option[];
}) {
  const t = useTranslations("handover");
  const form = useForm(handOverCaseloadAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <SelectField
        name="fromUserId"
        label={t("fromUser")}
        placeholder={t("chooseFrom")}
        options={coordinators}
        required
        defaultValue={form.value("fromUserId")}
        error={form.error("fromUserId")}
      />
      <SelectField
        name="successorId"
        label={t("toUser")}
        placeholder={t("chooseColleague")}
        options={colleagues}
        required
        defaultValue={form.value("successorId")}
        error={form.error("successorId")}
      />
      <SelectField
        name="reasonCode"
        label={t("reasonCode")}
        options={reasons}
        required
        defaultValue={form.value("reasonCode", "COVERING_COLLEAGUE")}
        error={form.error("reasonCode")}
      />
      <TextField
        name="reasonText"
        label={t("reasonText")}
        hint={t("reasonTextHint")}
        maxLength={300}
        defaultValue={form.value("reasonText")}
        error={form.error("reasonText")}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {form.pending ? t("submitting") : t("wholeSubmit")}
        </Button>
      </div>
    </Form>
  );
}
