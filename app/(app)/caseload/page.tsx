import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { findCaseload } from "@/lib/people/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PeopleTable } from "@/components/people/people-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("caseload"))("title") };
}

export default async function CaseloadPage({ searchParams }: PageProps<"/caseload">) {
  const actor = await requireArea("caseload");
  const page = ZPage.parse((await searchParams).page);
  const [t, result] = await Promise.all([getTranslations("caseload"), findCaseload({ actor, page })]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={<Link href="/people">{t("allPeople")}</Link>} />
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? <p>{t("empty")}</p> : <PeopleTable people={result.items} />}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(p) => `/caseload?page=${p}`} />
    </>
  );
}
