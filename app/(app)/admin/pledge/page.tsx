import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { pledgeOverview } from "@/lib/pledge/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/section";
import { PledgeOverview } from "@/components/vetting/pledge-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pledgeAdmin"))("title") };
}

export default async function PledgeAdminPage({ searchParams }: PageProps<"/admin/pledge">) {
  const actor = await requireArea("admin");
  const params = await searchParams;
  const [t, overview] = await Promise.all([
    getTranslations("pledgeAdmin"),
    pledgeOverview({ actor, page: ZPage.parse(params.page) }),
  ]);
  return (
    <>
      <SavedNotice value={params.done} messages={{ published: t("published") }} />
      <PageHeader title={t("title")} intro={t("intro")} />
      <PledgeOverview overview={overview} />
    </>
  );
}
