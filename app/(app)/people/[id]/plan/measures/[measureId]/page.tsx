import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { enumOptions } from "@/lib/labels";
import { personPage } from "@/lib/page-guards";
import { getPlanMeasure } from "@/lib/plans/queries";
import { PLAN_MEASURE_STATUSES } from "@/lib/plans/schemas";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { Facts, Panel } from "@/components/activities/facts";
import { EditMeasureForm, MeasureStatusForm } from "@/components/plans/plan-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planMeasure"))("title") };
}

export default async function PlanMeasurePage({
  params,
  searchParams,
}: PageProps<"/people/[id]/plan/measures/[measureId]">) {
  const actor = await requireArea("people");
  const { id, measureId } = await params;
  const { saved } = await searchParams;
  const {
    measure: m,
    isOwn,
    responsibles,
  } = await personPage(getPlanMeasure({ actor, measureId }), `/people/${id}/plan/measures/${measureId}`);
  // The address names the person too: a measure of someone else's plan is not found here.
  if (m.personId !== id) notFound();
  const [t, tp, ta, ts] = await Promise.all([
    getTranslations("planMeasure"),
    getTranslations("plan"),
    getTranslations("agencies"),
    getTranslations("planMeasureStatus"),
  ]);
  const planHref = `/people/${m.personId}/plan`;
  return (
    <>
      <SavedNotice value={saved} messages={{ status: t("saved.status"), edited: t("saved.edited") }} />
      <PageHeader
        title={m.title}
        intro={tp("heading", { name: m.personName })}
        actions={
          <Link href={planHref} className={buttonClass("secondary")}>
            {t("backToPlan")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <Panel id="facts" title={t("facts")}>
            <Facts
              items={[
                [t("agency"), ta(m.agency)],
                [tp("status"), ts(m.status)],
                [tp("responsible"), m.responsible.name],
                [
                  tp("dueOn"),
                  <span key="d">
                    {formatDate(m.dueOn)}
                    {m.isOverdue ? <strong className="ml-2 text-red-800">{tp("overdue")}</strong> : null}
                  </span>,
                ],
                m.description
                  ? [
                      t("description"),
                      <span key="s" className="whitespace-pre-line">
                        {m.description}
                      </span>,
                    ]
                  : null,
                [t("createdBy"), t("createdByValue", { when: formatDateTime(m.createdAt), name: m.createdByName })],
              ]}
            />
          </Panel>
          <Section id="history" title={t("history")} intro={isOwn ? undefined : t("othersComment")}>
            <DataTable
              caption={t("historyCaption")}
              rows={m.history}
              rowKey={(h) => h.id}
              empty="–"
              columns={[
                {
                  header: t("change"),
                  primary: true,
                  cell: (h) =>
                    h.fromStatus
                      ? t("step", { from: ts(h.fromStatus), to: ts(h.toStatus) })
                      : t("firstStep", { status: ts(h.toStatus) }),
                },
                { header: t("changedAt"), className: "whitespace-nowrap", cell: (h) => formatDateTime(h.changedAt) },
                { header: t("changedBy"), cell: (h) => h.changedBy.name },
                ...(isOwn ? [{ header: t("comment"), cell: (h: (typeof m.history)[number]) => h.comment ?? "" }] : []),
              ]}
            />
          </Section>
        </div>
        {isOwn ? (
          <div className="flex flex-col gap-6">
            <Panel id="status" title={t("statusTitle")}>
              <MeasureStatusForm
                measureId={m.id}
                version={m.version}
                status={m.status}
                statuses={enumOptions(PLAN_MEASURE_STATUSES, ts)}
              />
            </Panel>
            <Panel id="edit" title={t("editTitle")}>
              <EditMeasureForm
                measureId={m.id}
                version={m.version}
                responsibles={responsibles.map((u) => ({ value: u.id, label: u.name }))}
                defaults={{
                  title: m.title,
                  description: m.description ?? "",
                  responsibleId: m.responsible.id,
                  dueOn: m.dueOn.toISOString().slice(0, 10),
                }}
              />
            </Panel>
          </div>
        ) : null}
      </div>
    </>
  );
}
