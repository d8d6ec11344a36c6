import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { findMeetings } from "@/lib/meetings/queries";
import { ZMeetingList } from "@/lib/meetings/schemas";
import { formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { listHref } from "@/components/activities/filter-form";
import { Tabs } from "@/components/activities/tabs";
import { MeetingList } from "@/components/meetings/meeting-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

export default async function MeetingsPage({ searchParams }: PageProps<"/meetings">) {
  const actor = await requireArea("meetings");
  const query = ZMeetingList.parse(await searchParams);
  const [t, { page, next, counts }] = await Promise.all([getTranslations("meetings"), findMeetings({ actor, query })]);
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          can(actor, "meeting", "create") ? (
            <Link href="/meetings/new" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      {next ? (
        <div className="mb-6">
          <Section id="next-meeting" title={t("next")}>
            <p className="mb-3">
              {t("nextSummary", {
                when: formatDateTime(next.startsAt),
                place: next.title ? `${next.title}, ${next.place}` : next.place,
                count: next.agendaCount,
              })}
            </p>
            <Link href={`/meetings/${next.id}`} className={buttonClass("secondary")}>
              {t("openNext")}
            </Link>
          </Section>
        </div>
      ) : null}
      <Tabs
        label={t("views")}
        items={[
          {
            href: "/meetings",
            label: t("tabUpcoming", { count: counts.upcoming }),
            current: query.view === "upcoming",
          },
          { href: "/meetings?view=held", label: t("tabHeld", { count: counts.held }), current: query.view === "held" },
        ]}
      />
      <MeetingList
        items={page.items}
        caption={t(query.view === "held" ? "heldCaption" : "upcomingCaption")}
        empty={t(query.view === "held" ? "emptyHeld" : "emptyUpcoming")}
      />
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        hrefFor={(p) => listHref("/meetings", { view: query.view === "upcoming" ? undefined : query.view, page: p })}
      />
    </>
  );
}
