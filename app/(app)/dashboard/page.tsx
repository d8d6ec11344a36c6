import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { requireArea } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PeriodForm } from "@/components/dashboard/period-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

async function Figures({ actor, params }: { actor: Actor; params: Record<string, unknown> }) {
  const dashboard = await getDashboard({ actor, params });
  return (
    <>
      <PeriodForm dashboard={dashboard} />
      <DashboardView dashboard={dashboard} />
    </>
  );
}

/**
 * The access check runs before anything is sent (a role without the dashboard gets a real 404);
 * the figures, which take a moment on a large site, then stream in after the heading.
 */
export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const actor = await requireArea("dashboard");
  const [t, params] = await Promise.all([getTranslations("dashboard"), searchParams]);
  return (
    <>
      <PageHeader title={t("title")} intro={actor.agency ? t("introCaseload") : t("intro")} />
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
