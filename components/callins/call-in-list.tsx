import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CallInRow } from "@/lib/callins/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

export async function CallInList({ items }: { items: CallInRow[] }) {
  const t = await getTranslations("callIns");
  const number = "text-right tabular-nums";
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        {
          header: t("when"),
          primary: true,
          cell: (c) => (
            <Link href={`/call-ins/${c.id}`} className="font-medium">
              {formatDateTime(c.occurredAt)}
            </Link>
          ),
        },
        { header: t("venue"), cell: (c) => c.venue },
        { header: t("invited"), cell: (c) => c.invited, className: number },
        { header: t("attended"), cell: (c) => c.attended, className: number },
      ]}
    />
  );
}
