import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/queries";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PeriodForm } from "@/components/dashboard/period-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const actor = await requireArea("dashboard");
  const [t, dashboard] = await Promise.all([getTranslations("dashboard"), getDashboard({ actor, params: await searchParams })]);
  return (
    <>
      <PageHeader title={t("title")} intro={dashboard.view.audience === "site" ? t("intro") : t("introCaseload")} />
      <PeriodForm dashboard={dashboard} />
      <DashboardView dashboard={dashboard} />
    </>
  );
}
