import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { isStatusOnly } from "@/lib/authz";
import { findReferrals, getReferralBoard } from "@/lib/referrals/queries";
import { REFERRAL_STATUSES, ZFindReferrals } from "@/lib/referrals/schemas";
import { parseSearchParams } from "@/lib/validation/search-params";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterSelect, FilterText, listHref } from "@/components/activities/filter-form";
import { Tabs } from "@/components/activities/tabs";
import { ReferralBoard } from "@/components/referrals/referral-board";
import { ReferralList } from "@/components/referrals/referral-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referrals"))("title") };
}

const ZView = z.object({ view: z.enum(["board", "list"]).catch("board") });

export default async function ReferralsPage({ searchParams }: PageProps<"/referrals">) {
  const actor = await requireArea("referrals");
  const params = await searchParams;
  const { view } = ZView.parse(params);
  const { query, invalid } = parseSearchParams(ZFindReferrals, params);
  const mine = Boolean(query.mine);
  const [t, te, ts] = await Promise.all([
    getTranslations("referrals"),
    getTranslations("errors"),
    getTranslations("referralStatus"),
  ]);
  const statusOnly = isStatusOnly(actor, "referral");

  const tabs = (
    <Tabs
      label={t("views")}
      items={[
        {
          href: listHref("/referrals", { mine: mine ? "1" : undefined }),
          label: t("board"),
          current: view === "board",
        },
        {
          href: listHref("/referrals", { view: "list", mine: mine ? "1" : undefined }),
          label: t("list"),
          current: view === "list",
        },
        {
          href: listHref("/referrals", { view: view === "list" ? "list" : undefined, mine: mine ? undefined : "1" }),
          label: mine ? t("showEveryone") : t("showMine"),
          current: false,
        },
      ]}
    />
  );
  const header = <PageHeader title={t("title")} intro={statusOnly ? t("statusOnlyIntro") : t("intro")} />;

  if (view === "board") {
    const columns = await getReferralBoard({ actor, mine });
    return (
      <>
        {header}
        {tabs}
        <p className="mb-3 font-medium" role="status">
          {t(mine ? "openCountMine" : "openCount", { count: columns.reduce((sum, c) => sum + c.total, 0) })}
        </p>
        <ReferralBoard columns={columns} mine={mine} />
        {!statusOnly ? (
          <p className="mt-6 text-sm text-slate-700">
            {t.rich("howToRefer", {
              link: (chunks) => (
                <Link href="/people" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
      </>
    );
  }

  const result = await findReferrals({ actor, query });
  const hrefFor = (page: number) =>
    listHref("/referrals", {
      view: "list",
      q: query.q,
      status: query.status,
      open: query.open,
      mine: query.mine,
      page,
    });
  return (
    <>
      {header}
      {tabs}
      <FilterForm label={t("filters")} submitLabel={t("search")}>
        <input type="hidden" name="view" value="list" />
        {mine ? <input type="hidden" name="mine" value="1" /> : null}
        <FilterText
          name="q"
          label={t("searchName")}
          defaultValue={query.q}
          error={invalid.includes("q") ? te("invalidCharacters") : undefined}
        />
        <FilterSelect
          name="status"
          label={t("status")}
          allLabel={t("allStatuses")}
          defaultValue={query.status}
          options={enumOptions(REFERRAL_STATUSES, ts)}
        />
      </FilterForm>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? <Alert tone="info">{t("empty")}</Alert> : <ReferralList items={result.items} />}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={hrefFor} />
    </>
  );
}
