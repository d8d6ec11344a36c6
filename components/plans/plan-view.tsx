import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PlanView } from "@/lib/plans/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

/** The plan's header: the joint goals and the review date, with a marker when the review is overdue. */
export async function PlanHeader({ view }: { view: PlanView }) {
  const t = await getTranslations("plan");
  const { plan, person } = view;
  const editLink = view.can.editPlan ? (
    <Link href={`/people/${person.id}/plan/edit`} className={buttonClass(plan ? "secondary" : "primary")}>
      {plan ? t("editPlan") : t("createPlan")}
    </Link>
  ) : null;
  return (
    <Section id="plan-goals" title={t("goals")} actions={editLink} isEmpty={!plan} empty={t("noPlan")}>
      {plan ? (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-sm text-slate-700 sm:text-base">{t("goals")}</dt>
          <dd className="whitespace-pre-line">{plan.goals}</dd>
          <dt className="text-sm text-slate-700 sm:text-base">{t("reviewOn")}</dt>
          <dd>
            {plan.reviewOn ? formatDate(plan.reviewOn) : t("noReviewDate")}
            {plan.isReviewOverdue ? <strong className="ml-2 text-red-800">{t("reviewOverdue")}</strong> : null}
          </dd>
        </dl>
      ) : null}
      {plan ? (
        <p className="mt-3 text-sm text-slate-700">
          {t("updatedBy", { when: formatDateTime(plan.updatedAt), name: plan.updatedBy.name })}
        </p>
      ) : null}
    </Section>
  );
}

/** The measures the actor may see, one table per owner agency, each with its status and dates. */
export async function PlanMeasures({ view }: { view: PlanView }) {
  const [t, ta, ts] = await Promise.all([
    getTranslations("plan"),
    getTranslations("agencies"),
    getTranslations("planMeasureStatus"),
  ]);
  if (!view.plan) return null;
  const add = view.can.addMeasure ? (
    <Link href={`/people/${view.person.id}/plan/measures/new`} className={buttonClass("primary")}>
      {t("addMeasure")}
    </Link>
  ) : null;
  return (
    <Section id="plan-measures" title={t("measures")} intro={t("othersHidden")} actions={add}>
      <div className="flex flex-col gap-6">
        {view.groups.map((group) => (
          <Section
            key={group.agency}
            id={`plan-measures-${group.agency}`}
            level={3}
            framed={false}
            title={t("measuresOf", { agency: ta(group.agency) })}
          >
            <DataTable
              caption={t("measuresOf", { agency: ta(group.agency) })}
              rows={group.measures}
              rowKey={(m) => m.id}
              empty={t("noOwnMeasures")}
              columns={[
                {
                  header: t("measure"),
                  primary: true,
                  cell: (m) => (
                    <Link href={`/people/${view.person.id}/plan/measures/${m.id}`} className="underline">
                      {m.title}
                    </Link>
                  ),
                },
                { header: t("status"), cell: (m) => ts(m.status) },
                { header: t("responsible"), cell: (m) => m.responsible.name },
                {
                  header: t("dueOn"),
                  className: "whitespace-nowrap",
                  cell: (m) => (
                    <>
                      {formatDate(m.dueOn)}
                      {m.isOverdue ? <strong className="ml-2 text-red-800">{t("overdue")}</strong> : null}
                    </>
                  ),
                },
              ]}
            />
          </Section>
        ))}
      </div>
    </Section>
  );
}

/** On the person's file: where the plan is. A link only, so the file's read discloses nothing of it. */
export async function PersonPlanSection({ personId }: { personId: string }) {
  const t = await getTranslations("plan");
  return (
    <Section id="person-plan" title={t("fileSection")} intro={t("fileSectionHint")}>
      <Link href={`/people/${personId}/plan`} className={buttonClass("secondary")}>
        {t("openPlan")}
      </Link>
    </Section>
  );
}
