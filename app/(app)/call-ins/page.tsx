import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { findCallIns } from "@/lib/callins/queries";
import { CALL_IN_PERIODS, ZFindCallIns } from "@/lib/callins/schemas";
import { enumOptions } from "@/lib/labels";
import { parseSearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterSelect, FilterText, listHref } from "@/components/activities/filter-form";
import { CallInList } from "@/components/callins/call-in-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callIns"))("title") };
}

export default async function CallInsPage({ searchParams }: PageProps<"/call-ins">) {
  const actor = await requireArea("callIns");
  const { query, invalid } = parseSearchParams(ZFindCallIns, await searchParams);
  const [t, te, result] = await Promise.all([
    getTranslations("callIns"),
    getTranslations("errors"),
    findCallIns({ actor, query }),
  ]);
  const hrefFor = (page: number) =>
    listHref("/call-ins", { q: query.q, period: query.period === "all" ? undefined : query.period, page });
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          can(actor, "callIn", "create") ? (
            <Link href="/call-ins/new" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      <FilterForm label={t("filters")} submitLabel={t("search")}>
        <FilterText
          name="q"
          label={t("searchVenue")}
          defaultValue={query.q}
          error={invalid.includes("q") ? te("invalidCharacters") : undefined}
        />
        <FilterSelect
          name="period"
          label={t("period")}
          allLabel={t("periodAll")}
          defaultValue={query.period === "all" ? "" : query.period}
          options={enumOptions(
            CALL_IN_PERIODS.filter((p) => p !== "all"),
            (p) => t(`period_${p}`),
          )}
        />
      </FilterForm>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      <CallInList items={result.items} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={hrefFor} />
    </>
  );
}
