import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getOverview, type OverviewFigures } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

async function Figures({ heading, figures }: { heading: string; figures: OverviewFigures }) {
  const t = await getTranslations("dashboard");
  const rows = [
    ["notifications", figures.notifications],
    ["peopleReached", figures.peopleReached],
    ["askedForHelp", figures.askedForHelp],
  ] as const;
  return (
    <section aria-label={heading} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 className="mb-3 text-lg font-semibold">{heading}</h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt className="text-sm text-slate-700">{t(key)}</dt>
            <dd className="text-3xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default async function DashboardPage() {
  const actor = await requireArea("dashboard");
  const [t, overview] = await Promise.all([getTranslations("dashboard"), getOverview({ actor })]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="flex flex-col gap-4">
        <Figures heading={t("yearToDate")} figures={overview.yearToDate} />
        <Figures heading={t("allTime")} figures={overview.allTime} />
      </div>
    </>
  );
}
