import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { findEnforcementActions, listGroupsForFilter } from "@/lib/enforcement/queries";
import { ENFORCEMENT_TYPES, ZFindEnforcement } from "@/lib/enforcement/schemas";
import { parseSearchParams } from "@/lib/validation/search-params";
import { enumOptions } from "@/lib/labels";
import { SavedNotice } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterSelect, FilterText, listHref } from "@/components/activities/filter-form";
import { EnforcementList } from "@/components/enforcement/enforcement-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enforcement"))("title") };
}

export default async function EnforcementPage({ searchParams }: PageProps<"/enforcement">) {
  const actor = await requireArea("enforcement");
  const params = await searchParams;
  const { query, invalid } = parseSearchParams(ZFindEnforcement, params);
  const [t, te, tt, result, groups] = await Promise.all([
    getTranslations("enforcement"),
    getTranslations("errors"),
    getTranslations("enforcementType"),
    findEnforcementActions({ actor, query }),
    listGroupsForFilter({ actor }),
  ]);
  const hrefFor = (page: number) =>
    listHref("/enforcement", { q: query.q, type: query.type, group: query.group, page });
  return (
    <>
      <SavedNotice value={params.saved} messages={{ created: t("saved"), deprived: t("savedDeprived") }} />
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <Link href={listHref("/enforcement/new", { groupId: query.group })} className={buttonClass("primary")}>
            {t("new")}
          </Link>
        }
      />
      <FilterForm label={t("filters")} submitLabel={t("search")}>
        <FilterText
          name="q"
          label={t("searchName")}
          defaultValue={query.q}
          error={invalid.includes("q") ? te("invalidCharacters") : undefined}
        />
        <FilterSelect
          name="type"
          label={t("type")}
          allLabel={t("allTypes")}
          defaultValue={query.type}
          options={enumOptions(ENFORCEMENT_TYPES, tt)}
        />
        <FilterSelect
          name="group"
          label={t("group")}
          allLabel={t("allGroups")}
          defaultValue={query.group}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
      </FilterForm>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? <p>{t("empty")}</p> : <EnforcementList items={result.items} />}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={hrefFor} />
    </>
  );
}
