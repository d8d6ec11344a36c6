import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PlannedVisitRow } from "@/lib/visits/queries";
import type { VisitState } from "@/lib/visits/week";
import { formatDate } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/people/status-badge";

const STATE_CLASS: Record<VisitState, string> = {
  done: "border-green-700 bg-green-50 text-green-900",
  cancelled: "border-slate-500 bg-white text-slate-800 line-through",
  notDone: "border-red-700 bg-red-50 text-red-900",
  due: "border-brand-700 bg-brand-50 text-brand-900",
  upcoming: "border-slate-500 bg-slate-50 text-slate-900",
};

export async function VisitStateBadge({ state }: { state: VisitState }) {
  const t = await getTranslations("plannedVisits");
  return (
    <strong className={`inline-block rounded border px-1.5 text-sm ${STATE_CLASS[state]}`}>
      {t(`state.${state}`)}
    </strong>
  );
}

/** Planned visits: whom, when, where, who goes, where it stands, and the person's warnings (kinds only). */
export async function PlannedVisitTable({
  rows,
  caption,
  empty,
}: {
  rows: readonly PlannedVisitRow[];
  caption: string;
  empty: string;
}) {
  const [t, tp, tk] = await Promise.all([
    getTranslations("plannedVisits"),
    getTranslations("placeType"),
    getTranslations("warningFlagKinds"),
  ]);
  return (
    <DataTable
      caption={caption}
      empty={empty}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          header: t("person"),
          primary: true,
          cell: (r) => (
            <span className="flex flex-wrap items-center gap-2">
              <Link href={`/visits/${r.id}`} className="font-semibold underline">
                {r.personName}
              </Link>
              {r.personStatus !== "ACTIVE" ? <StatusBadge status={r.personStatus} /> : null}
            </span>
          ),
        },
        {
          header: t("window"),
          cell: (r) => t("windowValue", { from: formatDate(r.windowStartsOn), to: formatDate(r.windowEndsOn) }),
          className: "whitespace-nowrap",
        },
        { header: t("place"), cell: (r) => tp(r.placeType) },
        { header: t("team"), cell: (r) => (r.team.length > 0 ? r.team.map((m) => m.name).join(", ") : t("noTeam")) },
        { header: t("stateColumn"), cell: (r) => <VisitStateBadge state={r.state} /> },
        {
          header: t("flagKinds"),
          cell: (r) =>
            r.flagKinds.length > 0 ? (
              <strong className="rounded border border-red-800 bg-red-100 px-1.5 text-sm text-red-950">
                {r.flagKinds.map((k) => tk(k)).join(", ")}
              </strong>
            ) : (
              "–"
            ),
        },
      ]}
    />
  );
}
