import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listExtractRequests } from "@/lib/register-extract/queries";
import { ZExtractRequestQuery } from "@/lib/register-extract/schemas";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RequestTable } from "@/components/register-extract/request-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extractRequests"))("managerTitle") };
}

/** MANAGER: requests awaiting a second person's decision (`?view=all` for every request). */
export default async function ExtractDecisionsPage({ searchParams }: PageProps<"/extract-requests">) {
  const actor = await requireArea("extractDecisions");
  const params = await searchParams;
  const all = params.view === "all";
  const query = {
    ...ZExtractRequestQuery.parse({ page: params.page }),
    ...(all ? {} : { status: "REGISTERED" as const }),
  };
  const [t, page] = await Promise.all([getTranslations("extractRequests"), listExtractRequests({ actor, query })]);
  const href = (p: number) =>
    `/extract-requests?${new URLSearchParams({ ...(all ? { view: "all" } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <PageHeader title={t("managerTitle")} intro={t("managerIntro")} />
      <nav aria-label={t("viewsLabel")} className="mb-4 flex flex-wrap gap-2">
        <Link
          href="/extract-requests"
          aria-current={all ? undefined : "page"}
          className={buttonClass(all ? "secondary" : "primary")}
        >
          {t("awaiting")}
        </Link>
        <Link
          href="/extract-requests?view=all"
          aria-current={all ? "page" : undefined}
          className={buttonClass(all ? "primary" : "secondary")}
        >
          {t("all")}
        </Link>
      </nav>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: page.total })}
      </p>
      <RequestTable rows={page.items} hrefFor={(id) => `/extract-requests/${id}`} />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={href} />
    </>
  );
}
