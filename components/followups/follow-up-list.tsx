import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FollowUpRow } from "@/lib/followups/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/people/status-badge";

/** Follow-ups as cards: who, when due (overdue marked), and the way to mark one done. */
export async function FollowUpList({
  items,
  showOfficer,
  from,
}: {
  items: FollowUpRow[];
  showOfficer: boolean;
  from: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("followUps"), getTranslations("contactType")]);
  return (
    <ul className="flex flex-col gap-2">
      {items.map((f) => (
        <li key={f.id} className="rounded-md border border-slate-300 bg-white p-3">
          <article
            aria-label={f.personName}
            className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between"
          >
            <div>
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/people/${f.personId}`} className="font-semibold underline">
                  {f.personName}
                </Link>
                {f.personStatus !== "ACTIVE" ? <StatusBadge status={f.personStatus} /> : null}
              </p>
              <p className="text-sm">
                {f.doneAt ? (
                  t("doneOn", { when: formatDateTime(f.doneAt), how: f.contactType ? tc(f.contactType) : "–" })
                ) : (
                  <>
                    {t("dueOn", { date: formatDate(f.dueOn) })}
                    {f.isOverdue ? (
                      <strong className="ml-2 rounded border border-red-700 bg-red-50 px-1.5 text-red-900">
                        {t("overdue")}
                      </strong>
                    ) : null}
                  </>
                )}
              </p>
              {showOfficer ? (
                <p className="text-sm text-slate-700">{t("officer", { name: f.assignedTo.name })}</p>
              ) : null}
              {f.summary ? <p className="mt-1 line-clamp-2 text-sm text-slate-800">{f.summary}</p> : null}
            </div>
            <Link
              href={`/follow-ups/${f.id}${f.doneAt ? "" : `?from=${from}`}`}
              className="inline-flex min-h-11 items-center font-medium"
            >
              {f.doneAt ? t("open") : t("markDone")}
              <span className="sr-only"> – {f.personName}</span>
            </Link>
          </article>
        </li>
      ))}
    </ul>
  );
}

/** The agency's overdue follow-ups per officer, most first; each row filters the list below. */
export async function OfficerSummary({
  rows,
  selected,
}: {
  rows: { officerId: string; name: string; overdue: number; oldestDueOn: Date | null }[];
  selected?: string;
}) {
  const t = await getTranslations("followUps");
  return (
    <DataTable
      className="mb-6"
      caption={t("perOfficer")}
      captionVisible
      empty={t("noneOverdueTeam")}
      rows={rows}
      rowKey={(r) => r.officerId}
      columns={[
        {
          header: t("officerColumn"),
          primary: true,
          cell: (r) => (
            <Link
              href={`/follow-ups?view=team&officer=${r.officerId}`}
              aria-current={selected === r.officerId ? "true" : undefined}
              className="inline-flex min-h-11 items-center font-medium"
            >
              {r.name}
            </Link>
          ),
        },
        { header: t("overdueColumn"), cell: (r) => r.overdue, className: "text-right tabular-nums" },
        { header: t("oldestColumn"), cell: (r) => (r.oldestDueOn ? formatDate(r.oldestDueOn) : "–") },
      ]}
    />
  );
}
