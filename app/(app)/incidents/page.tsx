import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { findIncidents } from "@/lib/incidents/queries";
import { GMI_VALUES, INCIDENT_TYPES, ZFindIncidents } from "@/lib/incidents/schemas";
import { parseSearchParams } from "@/lib/validation/search-params";
import { enumOptions } from "@/lib/labels";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterSelect, FilterText, listHref } from "@/components/activities/filter-form";
import { IncidentList } from "@/components/incidents/incident-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

const isoDate = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

export default async function IncidentsPage({ searchParams }: PageProps<"/incidents">) {
  const actor = await requireArea("incidents");
  // A district is chosen from a list, so a refused one is simply no filter.
  const { query } = parseSearchParams(ZFindIncidents, await searchParams);
  const [t, tt, tg, result] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
    findIncidents({ actor, query }),
  ]);
  const hrefFor = (page: number) =>
    listHref("/incidents", {
      type: query.type,
      gmi: query.gmi,
      district: query.district,
      from: isoDate(query.from),
      to: isoDate(query.to),
      page,
    });
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          can(actor, "incident", "create") ? (
            <Link href="/incidents/new" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      <FilterForm label={t("filters")} submitLabel={t("filter")}>
        <FilterSelect
          name="type"
          label={t("type")}
          allLabel={t("allTypes")}
          defaultValue={query.type}
          options={enumOptions(INCIDENT_TYPES, tt)}
        />
        <FilterSelect
          name="gmi"
          label={t("gmiFilter")}
          allLabel={t("allGmi")}
          defaultValue={query.gmi}
          options={enumOptions(GMI_VALUES, tg)}
        />
        <FilterSelect
          name="district"
          label={t("district")}
          allLabel={t("allDistricts")}
          defaultValue={query.district}
          options={result.districts.map((d) => ({ value: d, label: d }))}
        />
        <FilterText name="from" type="date" label={t("from")} defaultValue={isoDate(query.from)} />
        <FilterText name="to" type="date" label={t("to")} defaultValue={isoDate(query.to)} />
      </FilterForm>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.page.total, killed: result.totals.killed, injured: result.totals.injured })}
      </p>
      <IncidentList items={result.page.items} />
      <Pagination
        page={result.page.page}
        pageCount={result.page.pageCount}
        total={result.page.total}
        hrefFor={hrefFor}
      />
    </>
  );
}
