"use client";
import { Form, FormErrorBanner, useErrorText, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { addAssignmentAction } from "@/lib/assignments/actions";
import { SelectField } from "@/components/ui/fields";
import { Button } from "@/components/ui/button";

/** A colleague of the actor's agency and site becomes a coordinator of the person. */
export function AddCoordinatorForm({
  personId,
  colleagues,
  agencyLabel,
}: {
  personId: string;
  colleagues: { value: string; label: string }[];
  agencyLabel: string;
}) {
  const t = useTranslations("coordinators");
  const errorText = useErrorText();
  const form = useForm(addAssignmentAction);
  const { state, pending } = form;
  const typed = state.status === "error" ? state.values.userId : undefined;
  return (
    <Form form={form} banner={false} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="personId" value={personId} />
      <FormErrorBanner state={state} />
      <SelectField
        name="userId"
        label={t("coordinator")}
        hint={t("addHint", { agency: agencyLabel })}
        options={colleagues}
        placeholder={t("chooseColleague")}
        defaultValue={typeof typed === "string" ? typed : ""}
        error={state.status === "error" ? errorText(state.fieldErrors.userId) : undefined}
        required
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
    </Form>
  );
}
