import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPlannedVisit } from "@/lib/visits/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { VisitStateBadge } from "@/components/visits/planned-visit-table";
import { CancelVisitForm } from "@/components/visits/cancel-visit-form";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plannedVisits"))("title") };
}

export default async function PlannedVisitPage({ params, searchParams }: PageProps<"/visits/[id]">) {
  const actor = await requireArea("visits");
  const { id } = await params;
  const { saved } = await searchParams;
  const { visit, notification, flags, canLog, canCancel } = await personPage(
    getPlannedVisit({ actor, plannedVisitId: id }),
    `/visits/${id}`,
  );
  const [t, tp] = await Promise.all([getTranslations("plannedVisits"), getTranslations("placeType")]);
  const logHref = `/people/${visit.personId}/notifications/new?${new URLSearchParams({ plannedVisitId: visit.id })}`;
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{ planned: t("savedPlanned"), logged: t("savedLogged"), cancelled: t("savedCancelled") }}
      />
      <PageHeader
        title={t("visitTitle", { name: visit.personName })}
        actions={
          <>
            {canLog ? (
              <Link href={logHref} className={buttonClass("primary")}>
                {t("log")}
              </Link>
            ) : null}
            <Link href={`/people/${visit.personId}`} className={buttonClass("secondary")}>
              {t("openPerson")}
            </Link>
          </>
        }
      />
      <WarningFlagAlert flags={flags} />
      {notification ? (
        <div className="mb-4">
          <Alert tone="success">{t("logged", { date: formatDateTime(notification.occurredAt) })}</Alert>
        </div>
      ) : null}
      <Section id="plan" title={t("details")} className="max-w-2xl">
        <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2">
          <dt className="font-medium">{t("stateColumn")}</dt>
          <dd>
            <VisitStateBadge state={visit.state} />
          </dd>
          <dt className="font-medium">{t("window")}</dt>
          <dd>{t("windowValue", { from: formatDate(visit.windowStartsOn), to: formatDate(visit.windowEndsOn) })}</dd>
          <dt className="font-medium">{t("place")}</dt>
          <dd>
            {tp(visit.placeType)}
            {visit.placeDescription ? ` – ${visit.placeDescription}` : null}
          </dd>
          <dt className="font-medium">{t("team")}</dt>
          <dd>{visit.team.length > 0 ? visit.team.map((m) => m.name).join(", ") : t("noTeam")}</dd>
          {visit.round ? (
            <>
              <dt className="font-medium">{t("round")}</dt>
              <dd>
                <Link href={`/rounds/${visit.round.id}`} className="underline">
                  {visit.round.name}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          {t("createdBy", { name: visit.createdByName, date: formatDate(visit.createdAt) })}
        </p>
        {canLog ? <p className="mt-2 text-sm text-slate-700">{t("logHint")}</p> : null}
        {canCancel ? <CancelVisitForm plannedVisitId={visit.id} version={visit.version} /> : null}
      </Section>
    </>
  );
}
