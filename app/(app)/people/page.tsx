import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { findPeople } from "@/lib/people/queries";
import { ZFindPeople } from "@/lib/people/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Button } from "@/components/ui/button";
import { PeopleTable } from "@/components/people/people-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

export default async function PeoplePage({ searchParams }: PageProps<"/people">) {
  const actor = await requireArea("people");
  const query = ZFindPeople.parse(await searchParams);
  const [t, result] = await Promise.all([getTranslations("people"), findPeople({ actor, query })]);
  const hrefFor = (page: number) => `/people?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("title")} />
      <form role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="q" className="mb-1 block font-medium">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} className="block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2" />
        </div>
        <Button type="submit">{t("searchButton")}</Button>
      </form>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? <p>{t("empty")}</p> : <PeopleTable people={result.items} />}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={hrefFor} />
    </>
  );
}
