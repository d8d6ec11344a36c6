import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getRound, getRoundFormOptions } from "@/lib/rounds/queries";
import { formatDate } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/people/status-badge";
import { RoundForm } from "@/components/visits/round-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rounds"))("title") };
}

export default async function RoundPage({ params, searchParams }: PageProps<"/rounds/[id]">) {
  const actor = await requireArea("visits");
  const { id } = await params;
  const { saved } = await searchParams;
  const { round, people, progress, can } = await orNotFound(getRound({ actor, roundId: id }));
  const [t, tf, to, options] = await Promise.all([
    getTranslations("rounds"),
    getTranslations("roundForm"),
    getTranslations("outcome"),
    can.addPeople ? getRoundFormOptions({ actor }) : Promise.resolve(null),
  ]);
  return (
    <>
      <SavedNotice value={saved} messages={{ created: t("savedCreated"), added: t("savedAdded") }} />
      <PageHeader
        title={t("roundTitle", { name: round.name })}
        intro={`${t("periodValue", { from: formatDate(round.startsOn), to: formatDate(round.endsOn) })} · ${t("createdBy", { name: round.createdByName })}`}
      />
      <p className="mb-4 font-medium" role="status">
        {t("summary", progress)}
      </p>
      <Section id="round-people" title={t("peopleCaption")} framed={false}>
        <DataTable
          caption={t("peopleCaption")}
          empty={t("peopleEmpty")}
          rows={people}
          rowKey={(p) => p.personId}
          columns={[
            {
              header: t("person"),
              primary: true,
              cell: (p) => (
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/people/${p.personId}`} className="font-semibold underline">
                    {p.name}
                  </Link>
                  {p.status !== "ACTIVE" ? <StatusBadge status={p.status} /> : null}
                </span>
              ),
            },
            {
              header: t("stateColumn"),
              cell: (p) =>
                p.isNotified && p.latest
                  ? t("notifiedOn", { date: formatDate(p.latest.occurredAt) })
                  : p.latest
                    ? t("attemptedOn", { date: formatDate(p.latest.occurredAt), outcome: to(p.latest.outcome) })
                    : t("notYet"),
            },
            { header: t("plans"), cell: (p) => p.plannedVisits, className: "text-right tabular-nums" },
            {
              header: t("plan"),
              cell: (p) =>
                can.planVisit && !p.isNotified ? (
                  <Link
                    href={`/visits/new?${new URLSearchParams({ personId: p.personId })}`}
                    className="inline-flex min-h-11 items-center font-medium underline"
                  >
                    {t("plan")}
                    <span className="sr-only"> – {p.name}</span>
                  </Link>
                ) : (
                  "–"
                ),
            },
          ]}
        />
      </Section>
      {options ? (
        <Section id="add-people" title={t("addPeople")} className="mt-6 max-w-2xl">
          <RoundForm
            roundId={round.id}
            groups={options.groups.map((g) => ({
              value: g.id,
              label: g.isPrioritized ? tf("prioritized", { name: g.name }) : g.name,
            }))}
            caseload={options.caseload.map((p) => ({ value: p.id, label: p.name }))}
            cancelHref={`/rounds/${round.id}`}
          />
        </Section>
      ) : null}
    </>
  );
}
