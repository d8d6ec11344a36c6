import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getFollowUp } from "@/lib/followups/queries";
import { CONTACT_TYPES } from "@/lib/followups/schemas";
import { personPage } from "@/lib/page-guards";
import { formatDate, formatDateTime, toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { SavedNotice } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/people/status-badge";
import { Facts, Panel } from "@/components/activities/facts";
import {
  CompleteFollowUpForm,
  DeleteFollowUpForm,
  RescheduleFollowUpForm,
} from "@/components/followups/follow-up-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUp"))("title") };
}

export default async function FollowUpPage({ params, searchParams }: PageProps<"/follow-ups/[id]">) {
  const actor = await requireArea("followUps");
  const { id } = await params;
  const { saved, from } = await searchParams;
  const {
    followUp: f,
    isOwn,
    officers,
  } = await personPage(getFollowUp({ actor, followUpId: id }), `/follow-ups/${id}`);
  const [t, tc, ta] = await Promise.all([
    getTranslations("followUp"),
    getTranslations("contactType"),
    getTranslations("agencies"),
  ]);
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{ created: t("saved_created"), done: t("saved_done"), rescheduled: t("saved_rescheduled") }}
      />
      <PageHeader
        title={t("heading", { name: f.personName })}
        actions={
          <Link href="/follow-ups" className={buttonClass("secondary")}>
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="facts" title={t("facts")}>
          <Facts
            items={[
              [
                t("person"),
                <span key="p" className="flex flex-wrap items-center gap-2">
                  <Link href={`/people/${f.personId}`} className="underline">
                    {f.personName}
                  </Link>
                  {f.personStatus !== "ACTIVE" ? <StatusBadge status={f.personStatus} /> : null}
                </span>,
              ],
              [t("agency"), ta(f.agency)],
              [
                t("dueOn"),
                <span key="d">
                  {formatDate(f.dueOn)}
                  {f.isOverdue ? <strong className="ml-2 text-red-800">{t("overdue")}</strong> : null}
                </span>,
              ],
              [t("assignedTo"), f.assignedTo.name],
              [
                t("status"),
                f.doneAt
                  ? t("doneOn", { when: formatDateTime(f.doneAt), how: f.contactType ? tc(f.contactType) : "–" })
                  : t("planned"),
              ],
              f.summary
                ? [
                    t("summary"),
                    <span key="s" className="whitespace-pre-line">
                      {f.summary}
                    </span>,
                  ]
                : null,
              f.notification ? [t("notification"), formatDateTime(f.notification.occurredAt)] : null,
              [t("recordedBy"), t("recordedByValue", { name: f.createdByName, when: formatDateTime(f.createdAt) })],
            ]}
          />
        </Panel>
        {isOwn && !f.doneAt ? (
          <div className="flex flex-col gap-6">
            <Panel id="complete" title={t("completeTitle")}>
              <CompleteFollowUpForm
                followUpId={f.id}
                version={f.version}
                from={from === "list" ? "list" : undefined}
                defaultDoneAt={toStockholmInputValue(new Date())}
                defaultSummary={f.summary ?? ""}
                contactTypes={enumOptions(CONTACT_TYPES, tc)}
              />
            </Panel>
            <Panel id="reschedule" title={t("rescheduleTitle")}>
              <RescheduleFollowUpForm
                followUpId={f.id}
                version={f.version}
                defaultDueOn={f.dueOn.toISOString().slice(0, 10)}
                defaultOfficer={f.assignedTo.id}
                officers={officers.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Panel>
            {can(actor, "followUp", "delete") ? <DeleteFollowUpForm followUpId={f.id} version={f.version} /> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
