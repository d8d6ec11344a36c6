import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { IncidentRow } from "@/lib/incidents/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

export async function IncidentList({ items }: { items: IncidentRow[] }) {
  const [t, tt, tg] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
  ]);
  const number = "text-right tabular-nums";
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={items}
      rowKey={(i) => i.id}
      columns={[
        {
          header: t("when"),
          primary: true,
          cell: (i) => (
            <Link href={`/incidents/${i.id}`} className="font-medium">
              {formatDateTime(i.occurredAt)}
            </Link>
          ),
        },
        { header: t("type"), cell: (i) => tt(i.type) },
        { header: t("district"), cell: (i) => i.district },
        { header: t("killed"), cell: (i) => i.killed, className: number },
        { header: t("injured"), cell: (i) => i.injured, className: number },
        { header: t("gmiShort"), cell: (i) => tg(i.groupMemberInvolvement) },
      ]}
    />
  );
}
