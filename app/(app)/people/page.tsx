import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { findPeople, getPeopleFilterOptions } from "@/lib/people/queries";
import { STATUSES, ZFindPeople, type TFindPeople } from "@/lib/people/schemas";
import { parseSearchParams } from "@/lib/validation/search-params";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/fields";
import { PeopleTable } from "@/components/people/people-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

function queryString(query: TFindPeople, page: number): string {
  const params: Record<string, string> = {};
  for (const key of ["q", "group", "status", "coordinator", "notified"] as const)
    if (query[key]) params[key] = query[key];
  return new URLSearchParams({ ...params, page: String(page) }).toString();
}

export default async function PeoplePage({ searchParams }: PageProps<"/people">) {
  const actor = await requireArea("people");
  const { query, invalid } = parseSearchParams(ZFindPeople, await searchParams);
  const [t, te, ts, tr, result, options] = await Promise.all([
    getTranslations("people"),
    getTranslations("errors"),
    getTranslations("personStatus"),
    getTranslations("roles"),
    findPeople({ actor, query }),
    getPeopleFilterOptions({ actor }),
  ]);
  const filtered = Boolean(query.q || query.group || query.status || query.coordinator || query.notified);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          can(actor, "person", "create") ? (
            <Link href="/people/new" className={buttonClass("primary")}>
              {t("newPerson")}
            </Link>
          ) : null
        }
      />
      <form
        role="search"
        aria-label={t("title")}
        className="mb-4 flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4"
      >
        <TextField
          name="q"
          type="search"
          label={t("search")}
          hint={t("searchHint")}
          maxLength={100}
          defaultValue={query.q}
          autoComplete="off"
          error={invalid.includes("q") ? te("invalidCharacters") : undefined}
        />
        <fieldset>
          <legend className="mb-1 font-medium">{t("filters")}</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField
              name="group"
              label={t("group")}
              placeholder={t("anyGroup")}
              defaultValue={query.group ?? ""}
              options={options.groups.map((g) => ({ value: g.id, label: g.name }))}
            />
            <SelectField
              name="status"
              label={t("status")}
              placeholder={t("anyStatus")}
              defaultValue={query.status ?? ""}
              options={enumOptions(STATUSES, ts)}
            />
            <SelectField
              name="coordinator"
              label={t("coordinator")}
              placeholder={t("anyCoordinator")}
              defaultValue={query.coordinator ?? ""}
              options={options.coordinators.map((c) => ({ value: c.id, label: `${c.name} (${tr(c.role)})` }))}
            />
            <SelectField
              name="notified"
              label={t("notified")}
              placeholder={t("anyNotified")}
              defaultValue={query.notified ?? ""}
              options={[
                { value: "yes", label: t("notifiedYes") },
                { value: "no", label: t("notifiedNo") },
              ]}
            />
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t("searchButton")}</Button>
          {filtered ? (
            <Link href="/people" className={buttonClass("secondary")}>
              {t("clearFilters")}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-3 font-medium" role="status">
        {result.totalIsLowerBound ? t("countAtLeast", { count: result.total }) : t("count", { count: result.total })}
      </p>
      <PeopleTable people={result.items} caption={t("caption")} empty={t("empty")} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        totalIsLowerBound={result.totalIsLowerBound}
        hrefFor={(page) => `/people?${queryString(query, page)}`}
      />
    </>
  );
}
