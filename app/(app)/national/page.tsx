import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { requireArea } from "@/lib/auth/session";
import type { Translate } from "@/lib/dashboard/tables";
import { periodSearchParams } from "@/lib/dashboard/view";
import { getNational } from "@/lib/national/queries";
import { nationalTable, NATIONAL_PARTS } from "@/lib/national/view";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/dashboard/data-table";
import { PeriodForm } from "@/components/dashboard/period-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("national"))("title") };
}

async function Figures({ actor, params }: { actor: Actor; params: Record<string, unknown> }) {
  const [national, t, td] = await Promise.all([
    getNational({ actor, params }),
    getTranslations("national") as unknown as Promise<Translate>,
    getTranslations("dashboard") as unknown as Promise<Translate>,
  ]);
  const { view, query } = national;
  const periods = { current: view.current.period, previous: view.previous?.period ?? null };
  return (
    <>
      <PeriodForm dashboard={{ query, rounds: [], view: { periods } }} target="national" withRounds={false} />
      <Section id="national-sites" title={t("sitesTitle")} empty={t("noSites")} isEmpty={view.sites.length === 0}>
        <div className="flex flex-col gap-8">
          {NATIONAL_PARTS.map((part) => {
            const table = nationalTable(view, part, t, td);
            if (!table) return null;
            // Both tables are asked for by the period shown (the comparison follows from it).
            const href = `/national/csv?${new URLSearchParams({ part, ...periodSearchParams(view.current.period) })}`;
            return (
              <div key={part} className="flex flex-col gap-2">
                <DataTable table={table} />
                <a
                  href={href}
                  download
                  aria-label={`${t("table.download")}: ${table.title}`}
                  className="inline-flex min-h-11 items-center self-start font-medium"
                >
                  {t("table.download")}
                </a>
              </div>
            );
          })}
        </div>
      </Section>
    </>
  );
}

/** The national team's view (issue 16): every site's figures side by side and summed, in bands. */
export default async function NationalPage({ searchParams }: PageProps<"/national">) {
  const actor = await requireArea("national");
  const [t, params] = await Promise.all([getTranslations("national"), searchParams]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Suspense
        fallback={
          <p role="status" className="rounded-lg border border-slate-300 bg-white p-4">
            {t("loading")}
          </p>
        }
      >
        <Figures actor={actor} params={params} />
      </Suspense>
    </>
  );
}
