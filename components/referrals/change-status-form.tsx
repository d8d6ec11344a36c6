"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeReferralStatusAction } from "@/lib/referrals/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { FormErrorBanner, SubmitRow, useFormValues } from "@/components/activities/form-kit";

/** The next step of a referral: only the steps the flow allows from where it stands are offered. */
export function ChangeStatusForm(props: {
  referralId: string;
  version: number;
  defaultChangedAt: string;
  nextStatuses: { value: string; label: string }[];
}) {
  const t = useTranslations("referralStatusForm");
  const [state, action, pending] = useActionState<FormState, FormData>(changeReferralStatusAction, IDLE);
  const f = useFormValues(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormErrorBanner state={state} />
      <input type="hidden" name="referralId" value={props.referralId} />
      <input type="hidden" name="version" value={props.version} />
      <ChoiceGroup
        name="toStatus"
        type="radio"
        label={t("toStatus")}
        options={props.nextStatuses}
        defaultValue={f.value("toStatus")}
        error={f.error("toStatus")}
      />
      <TextField
        name="changedAt"
        type="datetime-local"
        label={t("changedAt")}
        required
        defaultValue={f.value("changedAt", props.defaultChangedAt)}
        error={f.error("changedAt")}
      />
      <TextField
        name="comment"
        label={t("comment")}
        multiline
        maxLength={1000}
        defaultValue={f.value("comment")}
        error={f.error("comment")}
      />
      <SubmitRow pending={pending} label={t("submit")} pendingLabel={t("saving")} />
    </form>
  );
}
