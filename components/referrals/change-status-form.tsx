"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { changeReferralStatusAction } from "@/lib/referrals/actions";
import { ChoiceGroup, TextField } from "@/components/ui/fields";
import { SubmitRow } from "@/components/activities/form-kit";

/** The next step of a referral: only the steps the flow allows from where it stands are offered. */
export function ChangeStatusForm(props: {
  referralId: string;
  version: number;
  defaultChangedAt: string;
  nextStatuses: { value: string; label: string }[];
}) {
  const t = useTranslations("referralStatusForm");
  const form = useForm(changeReferralStatusAction);
  const { pending } = form;
  return (
    <Form form={form} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="referralId" value={props.referralId} />
      <input type="hidden" name="version" value={props.version} />
      <ChoiceGroup
        name="toStatus"
        type="radio"
        label={t("toStatus")}
        options={props.nextStatuses}
        defaultValue={form.value("toStatus")}
        error={form.error("toStatus")}
      />
      <TextField
        name="changedAt"
        type="datetime-local"
        label={t("changedAt")}
        required
        defaultValue={form.value("changedAt", props.defaultChangedAt)}
        error={form.error("changedAt")}
      />
      <TextField
        name="comment"
        label={t("comment")}
        multiline
        maxLength={1000}
        defaultValue={form.value("comment")}
        error={form.error("comment")}
      />
      <SubmitRow pending={pending} label={t("submit")} pendingLabel={t("saving")} />
    </Form>
  );
}
