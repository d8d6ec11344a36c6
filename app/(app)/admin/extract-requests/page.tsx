import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listExtractRequests } from "@/lib/register-extract/queries";
import { EXTRACT_REQUEST_STATUSES, ZExtractRequestQuery } from "@/lib/register-extract/schemas";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RequestTable } from "@/components/register-extract/request-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extractRequests"))("title") };
}

/** ADMIN: the site's register extract requests and where each stands. */
export default async function AdminExtractRequestsPage({ searchParams }: PageProps<"/admin/extract-requests">) {
  const actor = await requireArea("admin");
  const query = ZExtractRequestQuery.parse(await searchParams);
  const [t, ts, page] = await Promise.all([
    getTranslations("extractRequests"),
    getTranslations("extractRequestStatuses"),
    listExtractRequests({ actor, query }),
  ]);
  const href = (p: number) =>
    `/admin/extract-requests?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <PageHeader title={t("title")} intro={t("listIntro")} />
      <p className="mb-4">
        {t("registerHow")}{" "}
        <Link href="/admin/audit" className="underline">
          {t("toAudit")}
        </Link>
      </p>
      <form method="get" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="status" className="mb-1 block font-medium">
            {t("filterLabel")}
          </label>
          <select
            id="status"
            name="status"
            defaultValue={query.status ?? ""}
            className="block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 sm:w-auto"
          >
            <option value="">{t("anyStatus")}</option>
            {EXTRACT_REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: page.total })}
      </p>
      <RequestTable rows={page.items} hrefFor={(id) => `/admin/extract-requests/${id}`} />
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={href} />
    </>
  );
}
