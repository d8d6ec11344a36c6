import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listMyActivity } from "@/lib/audit-log/queries";
import { ZPage } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AuditTable } from "@/components/audit/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myActivity"))("title") };
}

/** The agencies' view of the audit log: their own actions (docs/confidentiality.md). */
export default async function MyActivityPage({ searchParams }: PageProps<"/my-activity">) {
  const actor = await requireArea("myActivity");
  const page = ZPage.parse((await searchParams).page);
  const [t, result] = await Promise.all([getTranslations("myActivity"), listMyActivity({ actor, page })]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <AuditTable rows={result.items} showActor={false} personHref={(id) => `/people/${id}`} empty={t("empty")} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(p) => `/my-activity?page=${p}`}
      />
    </>
  );
}
