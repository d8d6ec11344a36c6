import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getFollowUpLists } from "@/lib/followups/queries";
import { ZFollowUpList } from "@/lib/followups/schemas";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listHref } from "@/components/activities/filter-form";
import { Tabs } from "@/components/activities/tabs";
import { FollowUpList, OfficerSummary } from "@/components/followups/follow-up-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("title") };
}

export default async function FollowUpsPage({ searchParams }: PageProps<"/follow-ups">) {
  const actor = await requireArea("followUps");
  const params = await searchParams;
  const query = ZFollowUpList.parse(params);
  const [t, lists] = await Promise.all([getTranslations("followUps"), getFollowUpLists({ actor, query })]);
  const { page, counts, perOfficer } = lists;
  const hrefFor = (p: number) =>
    listHref("/follow-ups", {
      view: query.view === "overdue" ? undefined : query.view,
      officer: query.officer,
      page: p,
    });
  return (
    <>
      <SavedNotice value={params.saved} messages={{ done: t("savedDone"), deleted: t("savedDeleted") }} />
      <PageHeader title={t("title")} intro={t("intro")} />
      <Tabs
        label={t("views")}
        items={[
          { href: "/follow-ups", label: t("tabOverdue", { count: counts.overdue }), current: query.view === "overdue" },
          {
            href: "/follow-ups?view=upcoming",
            label: t("tabUpcoming", { count: counts.upcoming }),
            current: query.view === "upcoming",
          },
          { href: "/follow-ups?view=done", label: t("tabDone"), current: query.view === "done" },
          {
            href: "/follow-ups?view=team",
            label: t("tabTeam", { count: counts.teamOverdue }),
            current: query.view === "team",
          },
        ]}
      />
      {query.view === "team" ? <OfficerSummary rows={perOfficer} selected={query.officer} /> : null}
      <h2 className="mb-2 text-lg font-semibold">{t(`heading_${query.view}`)}</h2>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>{t(`empty_${query.view}`)}</p>
      ) : (
        <FollowUpList items={page.items} showOfficer={query.view === "team"} from="list" />
      )}
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={hrefFor} />
      <p className="mt-6 text-sm text-slate-700">{t("howToLog")}</p>
    </>
  );
}
