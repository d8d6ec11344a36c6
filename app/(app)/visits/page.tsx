import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getVisitWeek } from "@/lib/visits/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { PlannedVisitTable } from "@/components/visits/planned-visit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plannedVisits"))("title") };
}

/** "Planerade denna vecka": the user's visits, the site's, those not done, and the week's call-ins. */
export default async function VisitsPage() {
  const actor = await requireArea("visits");
  const [t, week] = await Promise.all([getTranslations("plannedVisits"), getVisitWeek({ actor })]);
  const { mine, site, notDone, callIns } = week;
  return (
    <>
      <PageHeader
        title={t("weekTitle")}
        intro={t("week", { from: formatDate(week.week.monday), to: formatDate(week.week.sunday) })}
      />
      <div className="flex flex-col gap-6">
        <Section id="mine" title={t("mine")} intro={t("mineIntro")}>
          <PlannedVisitTable rows={mine} caption={t("mine")} empty={t("mineEmpty")} />
        </Section>
        <Section id="site" title={t("site")}>
          <PlannedVisitTable rows={site} caption={t("site")} empty={t("siteEmpty")} />
        </Section>
        <Section id="call-ins" title={t("callIns")}>
          <DataTable
            caption={t("callInsCaption")}
            empty={t("callInsEmpty")}
            rows={callIns}
            rowKey={(c) => c.id}
            columns={[
              {
                header: t("callInWhen"),
                primary: true,
                cell: (c) => (
                  <Link href={`/call-ins/${c.id}`} className="font-semibold underline">
                    {formatDateTime(c.occurredAt)}
                  </Link>
                ),
              },
              { header: t("callInVenue"), cell: (c) => c.venue },
              { header: t("callInInvited"), cell: (c) => c.invited, className: "text-right tabular-nums" },
            ]}
          />
        </Section>
        <Section id="not-done" title={t("notDone")} intro={t("notDoneIntro")}>
          <PlannedVisitTable rows={notDone} caption={t("notDone")} empty={t("notDoneEmpty")} />
        </Section>
      </div>
    </>
  );
}
