"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { inviteToCallInAction, markAllAttendedAction } from "@/lib/callins/actions";

/** One button: everyone still marked invited attended the meeting. */
export function MarkAllAttendedForm({
  callInId,
  version,
  count,
}: {
  callInId: string;
  version: number;
  count: number;
}) {
  const t = useTranslations("callInAttendance");
  const form = useForm(markAllAttendedAction);
  return (
    <Form form={form} className="flex flex-col gap-2">
      <input type="hidden" name="callInId" value={callInId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t("markAllHint", { count })}</p>
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("marking") : t("markAll")}
        </Button>
      </div>
    </Form>
  );
}

/** "Bjud in": one person found by the name search, under the call-in's version. */
export function InviteForm({
  callInId,
  version,
  personId,
  name,
}: {
  callInId: string;
  version: number;
  personId: string;
  name: string;
}) {
  const t = useTranslations("callInAttendance");
  const form = useForm(inviteToCallInAction);
  const error = form.error("personId");
  return (
    <Form form={form} className="flex flex-col items-start gap-1">
      <input type="hidden" name="callInId" value={callInId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="personId" value={personId} />
      <Button type="submit" variant="secondary" disabled={form.pending} aria-label={t("inviteLabel", { name })}>
        {form.pending ? t("inviting") : t("invite")}
      </Button>
      {error ? <p className="text-sm font-medium text-red-800">{error}</p> : null}
    </Form>
  );
}
