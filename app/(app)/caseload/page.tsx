import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { ZPage } from "@/lib/pagination";
import { getWorkingList } from "@/lib/people/caseload";
import { formatDate } from "@/lib/validation/dates";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { Pagination } from "@/components/ui/pagination";
import { PeopleTable } from "@/components/people/people-table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("caseload"))("title") };
}

export default async function CaseloadPage({ searchParams }: PageProps<"/caseload">) {
  const actor = await requireArea("caseload");
  const params = await searchParams;
  const page = ZPage.parse(params.page);
  const [t, ta, th, { caseload, counts, consentRequests }] = await Promise.all([
    getTranslations("caseload"),
    getTranslations("agencies"),
    getTranslations("handover"),
    getWorkingList({ actor, page }),
  ]);
  // Counts the role may not have (follow-ups for the police) are null and not shown at all.
  const tiles = [
    { key: "countCaseload", value: counts.caseload, href: "#caseload", link: null },
    counts.overdueFollowUps !== null
      ? { key: "countOverdue", value: counts.overdueFollowUps, href: "/follow-ups", link: "showOverdue" }
      : null,
    counts.openReferrals !== null
      ? { key: "countOpenReferrals", value: counts.openReferrals, href: "/referrals", link: "showReferrals" }
      : null,
    counts.consentRequests
      ? {
          key: "countConsentRequests",
          value: counts.consentRequests,
          href: "#consent-requests",
          link: "showConsentRequests",
        }
      : null,
  ].filter((tile) => tile !== null);
  return (
    <>
      <SavedNotice
        value={params.saved}
        messages={{ handedOver: th("saved.handedOver"), caseloadHandedOver: th("saved.caseloadHandedOver") }}
      />
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <>
            {/* Handing people over to a colleague: the agencies' coordinators (lib/assignments). */}
            {actor.agency && can(actor, "person", "update") ? (
              <Link href="/caseload/handover" className={buttonClass("secondary")}>
                {th("title")}
              </Link>
            ) : null}
            <Link href="/people">{t("allPeople")}</Link>
          </>
        }
      />
      <section aria-labelledby="working-list" className="mb-6">
        <h2 id="working-list" className="sr-only">
          {t("workingList")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {tiles.map((tile) => (
            <li key={tile.key} className="rounded-lg border border-slate-300 bg-white p-4">
              <p className="text-sm text-slate-700" id={`tile-${tile.key}`}>
                {t(tile.key)}
              </p>
              <p className="text-3xl font-semibold" aria-describedby={`tile-${tile.key}`}>
                {tile.value}
              </p>
              {tile.link ? (
                <Link href={tile.href} className="inline-flex min-h-11 items-center font-medium">
                  {t(tile.link)}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {consentRequests && consentRequests.items.length > 0 && actor.agency ? (
        <section aria-labelledby="consent-requests" className="mb-6 rounded-lg border border-amber-700 bg-amber-50 p-4">
          <h2 id="consent-requests" className="mb-1 text-lg font-semibold">
            {t("consentRequests", { agency: ta(actor.agency) })}
          </h2>
          <p className="mb-3 text-sm">{t("consentRequestsIntro", { agency: ta(actor.agency) })}</p>
          <ul className="flex flex-col gap-2">
            {consentRequests.items.map((r) => (
              <li key={r.id}>
                <Link href={`/people/${r.personId}/consent`} className="inline-flex min-h-11 items-center font-medium">
                  {r.personName}
                </Link>
                <span className="block text-sm">
                  {t("consentRequestItem", { agency: ta(r.recordedByAgency), date: formatDate(r.givenOn) })}
                </span>
              </li>
            ))}
          </ul>
          {consentRequests.total > consentRequests.items.length ? (
            <p className="mt-2 text-sm">
              {t("consentRequestsMore", { shown: consentRequests.items.length, total: consentRequests.total })}
            </p>
          ) : null}
        </section>
      ) : null}
      <Section id="caseload" title={t("people")} framed={false}>
        <p className="mb-3 font-medium" role="status">
          {t("count", { count: caseload.total })}
        </p>
        <PeopleTable people={caseload.items} caption={t("people")} empty={t("empty")} />
        <Pagination
          page={caseload.page}
          pageCount={caseload.pageCount}
          total={caseload.total}
          hrefFor={(p) => `/caseload?page=${p}`}
        />
      </Section>
    </>
  );
}
