import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listGroups } from "@/lib/groups/queries";
import { ZListGroups } from "@/lib/groups/schemas";
import { parseSearchParams } from "@/lib/validation/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groups"))("title") };
}

export default async function GroupsPage({ searchParams }: PageProps<"/groups">) {
  const actor = await requireArea("groups");
  const { query, invalid } = parseSearchParams(ZListGroups, await searchParams);
  const [t, tr, te, result] = await Promise.all([
    getTranslations("groups"),
    getTranslations("groupRelations"),
    getTranslations("errors"),
    listGroups({ actor, query }),
  ]);
  const hrefFor = (page: number) =>
    `/groups?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.prioritized ? { prioritized: "yes" } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <Link href="/groups/map" className={buttonClass("secondary")}>
              {tr("mapLink")}
            </Link>
            {can(actor, "group", "create") ? (
              <Link href="/groups/new" className={buttonClass("primary")}>
                {t("newGroup")}
              </Link>
            ) : null}
          </>
        }
      />
      <form role="search" aria-label={t("title")} className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grow">
          <TextField
            name="q"
            type="search"
            label={t("search")}
            maxLength={100}
            defaultValue={query.q}
            autoComplete="off"
            error={invalid.includes("q") ? te("invalidCharacters") : undefined}
          />
        </div>
        <CheckboxField name="prioritized" label={t("onlyPrioritized")} defaultChecked={query.prioritized === "yes"} />
        <Button type="submit">{t("searchButton")}</Button>
      </form>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {result.items.map((g) => (
            <li
              key={g.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 bg-white p-3"
            >
              <div>
                <Link href={`/groups/${g.id}`} className="font-semibold">
                  {g.name}
                </Link>
                {g.isPrioritized ? (
                  <span className="ml-2 rounded border border-red-700 px-1.5 text-sm font-medium text-red-800">
                    {t("prioritized")}
                  </span>
                ) : null}
                {g.district ? (
                  <p className="text-sm text-slate-700">
                    {t("district")}: {g.district}
                  </p>
                ) : null}
              </div>
              <p className="text-sm">
                {t("members")}: <strong>{g.memberCount}</strong>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={hrefFor} />
    </>
  );
}
