import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonReaders } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/** On "who has read this file": each request's registration, decision, production and openings. */
export async function ExtractHistoryTable({ events }: { events: PersonReaders["extractEvents"] }) {
  const [t, troles] = await Promise.all([getTranslations("extractHistory"), getTranslations("roles")]);
  const format = (f: string | null) => (f && t.has(`formats.${f}`) ? t(`formats.${f}`) : (f ?? "–"));
  return (
    <DataTable
      caption={t("caption")}
      empty={t("none")}
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        {
          header: t("time"),
          primary: true,
          className: "whitespace-nowrap",
          cell: (e) => <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>,
        },
        {
          header: t("user"),
          cell: (e) =>
            e.user ? (
              <>
                {e.user.name}
                {e.user.role ? <span className="block text-slate-700">{troles(e.user.role)}</span> : null}
              </>
            ) : (
              t("system")
            ),
        },
        { header: t("event"), cell: (e) => t(`events.${e.event}`, { format: format(e.format) }) },
        {
          header: t("reference"),
          className: "break-words",
          cell: (e) =>
            e.requestId ? (
              <Link href={`/admin/extract-requests/${e.requestId}`}>{e.reference ?? "–"}</Link>
            ) : (
              (e.reference ?? "–")
            ),
        },
      ]}
    />
  );
}
