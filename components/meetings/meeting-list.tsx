import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MeetingRow } from "@/lib/meetings/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/** The site's meetings: when, where, which agencies, how many people on the agenda. */
export async function MeetingList({ items, caption, empty }: { items: MeetingRow[]; caption: string; empty: string }) {
  const [t, ta] = await Promise.all([getTranslations("meetings"), getTranslations("agencies")]);
  return (
    <DataTable
      caption={caption}
      rows={items}
      rowKey={(m) => m.id}
      empty={empty}
      columns={[
        {
          header: t("when"),
          primary: true,
          cell: (m) => (
            <Link href={`/meetings/${m.id}`} className="font-semibold underline">
              {formatDateTime(m.startsAt)}
            </Link>
          ),
        },
        { header: t("place"), cell: (m) => (m.title ? `${m.title}, ${m.place}` : m.place) },
        { header: t("agencies"), cell: (m) => m.agencies.map((a) => ta(a)).join(", ") },
        { header: t("agendaCount"), cell: (m) => t("people", { count: m.agendaCount }) },
        { header: t("participating"), cell: (m) => (m.isParticipant ? t("yes") : t("no")) },
      ]}
    />
  );
}
