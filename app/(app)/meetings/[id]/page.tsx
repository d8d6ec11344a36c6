import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getMeetingPage } from "@/lib/meetings/queries";
import { orNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { FilterForm, FilterText } from "@/components/activities/filter-form";
import { Facts } from "@/components/activities/facts";
import { PrintButton } from "@/components/audit/print-button";
import { AddAgendaPersonForm } from "@/components/meetings/meeting-actions";
import { AgendaPerson } from "@/components/meetings/agenda-person";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("meetingTitle") };
}

/**
 * A coordination meeting: its details, and the agenda as the reader may see it. The same page is
 * the printable agenda: printed, the forms drop out and what is left is only what this reader may
 * see (their own agency's minutes; decisions of another agency only under consent).
 */
export default async function MeetingPage({ params, searchParams }: PageProps<"/meetings/[id]">) {
  const actor = await requireArea("meetings");
  const { id } = await params;
  const { saved, q } = z
    .object({ saved: z.string().optional().catch(undefined), q: z.string().max(100).catch("").default("") })
    .parse(await searchParams);
  const {
    meeting: m,
    colleagues,
    candidates,
    defaultDueOn,
  } = await orNotFound(getMeetingPage({ actor, meetingId: id, q }));
  const [t, ta, tm] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("agencies"),
    getTranslations("meetingStatus"),
  ]);
  const canEdit = can(actor, "meeting", "update");
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{
          created: t("savedCreated"),
          edited: t("savedEdited"),
          agenda: t("savedAgenda"),
          minutes: t("savedMinutes"),
          decision: t("savedDecision"),
          taskDone: t("savedTaskDone"),
        }}
      />
      <PageHeader
        title={
          m.title ? `${m.title}, ${formatDate(m.startsAt)}` : t("meetingHeading", { date: formatDate(m.startsAt) })
        }
        intro={t("printNote")}
        actions={
          <>
            <PrintButton />
            {canEdit ? (
              <Link href={`/meetings/${m.id}/edit`} className={buttonClass("secondary")}>
                {t("edit")}
              </Link>
            ) : null}
            <Link href="/meetings" className={buttonClass("ghost")}>
              {t("back")}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Section id="meeting-facts" title={t("facts")}>
          <Facts
            items={[
              [t("when"), formatDateTime(m.startsAt)],
              [t("place"), m.place],
              [t("status"), tm(m.status)],
              [t("agencies"), m.agencies.map((a) => ta(a)).join(", ")],
              [
                t("participants"),
                m.participants.length > 0 ? m.participants.map((p) => p.name).join(", ") : t("noParticipants"),
              ],
              [t("dueUntil"), formatDate(m.dueUntil)],
            ]}
          />
        </Section>

        <Section id="agenda" title={t("agenda")} isEmpty={m.agenda.length === 0} empty={t("emptyAgenda")}>
          <ol className="list-decimal pl-6">
            {m.agenda.map((a) => (
              <li key={a.personId}>
                <a href={`#person-${a.personId}`} className="underline">
                  {a.name}
                </a>
              </li>
            ))}
          </ol>
        </Section>

        {canEdit ? (
          <Section id="add-to-agenda" title={t("addToAgenda")} intro={t("addToAgendaIntro")} className="print:hidden">
            <FilterForm label={t("searchPeople")} submitLabel={t("search")}>
              <FilterText name="q" label={t("searchName")} defaultValue={q} />
            </FilterForm>
            {q ? (
              candidates.length === 0 ? (
                <p>{t("noCandidates")}</p>
              ) : (
                <ul aria-label={t("candidates")} className="flex flex-col gap-2">
                  {candidates.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-center gap-3">
                      <span className="font-medium">{p.name}</span>
                      {p.maskedIdentityNumber ? <span className="text-sm">{p.maskedIdentityNumber}</span> : null}
                      <AddAgendaPersonForm meetingId={m.id} version={m.version} personId={p.id} name={p.name} />
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </Section>
        ) : null}

        {m.agenda.map((entry, i) => (
          <AgendaPerson
            key={entry.personId}
            entry={entry}
            meetingId={m.id}
            number={i + 1}
            actorId={actor.id}
            colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${ta(c.agency)})` }))}
            defaultDueOn={defaultDueOn}
            canWriteMinutes={can(actor, "meetingMinutes", "create")}
            canDecide={can(actor, "meetingDecision", "create")}
          />
        ))}
      </div>
    </>
  );
}
