import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AgendaEntry } from "@/lib/meetings/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { CompleteTaskForm, DecisionForm, MinutesForm } from "./meeting-actions";

type Option = { value: string; label: string };

/**
 * One person on the agenda as the reader may see them: the due items, the reader's own agency's
 * minutes, the decisions the reader may see with their tasks, and (on screen) the forms. Printed,
 * the forms drop out (globals.css) and the minutes show as text.
 */
export async function AgendaPerson({
  entry,
  meetingId,
  number,
  actorId,
  colleagues,
  defaultDueOn,
  canWriteMinutes,
  canDecide,
}: {
  entry: AgendaEntry;
  meetingId: string;
  number: number;
  actorId: string;
  colleagues: Option[];
  defaultDueOn: string;
  canWriteMinutes: boolean;
  canDecide: boolean;
}) {
  const [t, ta, ts] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("agencies"),
    getTranslations("taskStatus"),
  ]);
  const headingId = `person-${entry.personId}`;
  const title = t("agendaItem", { number, name: entry.name });
  if (!entry.isOpen) {
    return (
      <Section id={headingId} title={title}>
        <p className="mb-3">{t("reasonNeeded")}</p>
        <Link
          href={`/people/${entry.personId}/access?${new URLSearchParams({ next: `/meetings/${meetingId}` })}`}
          className={buttonClass("secondary")}
        >
          {t("giveReason")}
        </Link>
      </Section>
    );
  }
  return (
    <Section
      id={headingId}
      title={title}
      actions={
        <Link href={`/people/${entry.personId}`} className={buttonClass("ghost")}>
          {t("openFile")}
        </Link>
      }
      className="print:break-inside-avoid-page"
    >
      <div className="flex flex-col gap-5">
        <div>
          <h3 className="mb-2 font-semibold">{t("dueItems")}</h3>
          <DataTable
            caption={t("dueItemsOf", { name: entry.name })}
            rows={entry.dueItems}
            rowKey={(i) => `${i.kind}-${i.id}`}
            empty={t("noDueItems")}
            columns={[
              {
                header: t("dueItem"),
                primary: true,
                cell: (i) =>
                  i.kind === "task" ? (
                    i.title
                  ) : i.kind === "planMeasure" ? (
                    <Link href={`/people/${i.personId}/plan/measures/${i.id}`} className="underline">
                      {t("planMeasure", { title: i.title ?? "" })}
                    </Link>
                  ) : (
                    <Link href={`/follow-ups/${i.id}`} className="underline">
                      {t("followUp")}
                    </Link>
                  ),
              },
              {
                header: t("dueOn"),
                cell: (i) => (
                  <>
                    {formatDate(i.dueOn)}
                    {i.isOverdue ? <strong className="ml-2 text-red-800">{t("overdue")}</strong> : null}
                  </>
                ),
              },
              { header: t("owner"), cell: (i) => `${ta(i.agency)}, ${i.responsibleName}` },
            ]}
          />
        </div>

        <div>
          <h3 className="mb-2 font-semibold">{t("ownMinutes")}</h3>
          {entry.minutes ? (
            <p className="hidden whitespace-pre-line print:block">{entry.minutes.text}</p>
          ) : (
            <p className="hidden print:block">{t("noMinutes")}</p>
          )}
          {canWriteMinutes ? (
            <div className="print:hidden">
              <MinutesForm
                meetingId={meetingId}
                personId={entry.personId}
                personName={entry.name}
                version={entry.minutes?.version ?? 0}
                text={entry.minutes?.text ?? ""}
              />
            </div>
          ) : null}
        </div>

        <div>
          <h3 className="mb-2 font-semibold">{t("decisions")}</h3>
          {entry.decisions.length === 0 ? <p>{t("noDecisions")}</p> : null}
          <ul className="flex flex-col gap-3">
            {entry.decisions.map((d) => (
              <li key={d.id} className="rounded-md border border-slate-300 p-3">
                <article aria-label={t("decisionBy", { agency: ta(d.recordedByAgency) })}>
                  <p className="whitespace-pre-line">{d.text}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    {t("recordedBy", {
                      agency: ta(d.recordedByAgency),
                      name: d.createdByName,
                      when: formatDateTime(d.createdAt),
                    })}
                  </p>
                  {d.tasks.length > 0 ? (
                    <ul className="mt-2 flex flex-col gap-2">
                      {d.tasks.map((task) => (
                        <li key={task.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                          <span className="font-medium">{task.title}</span>
                          <span className="text-sm">
                            {t("taskLine", {
                              agency: ta(task.ownerAgency),
                              name: task.responsibleName,
                              date: formatDate(task.dueOn),
                              status: ts(task.status),
                            })}
                          </span>
                          {task.isOverdue ? <strong className="text-sm text-red-800">{t("overdue")}</strong> : null}
                          {task.canComplete ? (
                            <span className="print:hidden">
                              <CompleteTaskForm taskId={task.id} version={task.version} title={task.title} />
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
          {canDecide ? (
            <details className="mt-3 rounded-md border border-slate-300 p-3 print:hidden">
              <summary className="min-h-11 cursor-pointer content-center font-medium">{t("newDecision")}</summary>
              <div className="mt-3">
                <DecisionForm
                  meetingId={meetingId}
                  personId={entry.personId}
                  personName={entry.name}
                  actorId={actorId}
                  colleagues={colleagues}
                  defaultDueOn={defaultDueOn}
                />
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
