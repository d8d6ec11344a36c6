import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonListItem } from "@/lib/people/queries";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "./status-badge";

export async function PeopleTable({
  people,
  caption,
  empty,
}: {
  people: PersonListItem[];
  caption: string;
  empty: string;
}) {
  const t = await getTranslations("people");
  return (
    <DataTable
      caption={caption}
      empty={empty}
      rows={people}
      rowKey={(p) => p.id}
      columns={[
        {
          header: t("name"),
          primary: true,
          cell: (p) => (
            <Link href={`/people/${p.id}`} className="font-medium">
              {p.name}
            </Link>
          ),
        },
        {
          header: t("identityNumber"),
          cell: (p) => p.maskedIdentityNumber ?? t("noIdentityNumber"),
          className: "font-mono whitespace-nowrap",
        },
        { header: t("status"), cell: (p) => <StatusBadge status={p.status} /> },
        { header: t("groups"), cell: (p) => p.groups.map((g) => g.name).join(", ") },
        { header: t("notifications"), cell: (p) => p.notificationCount, className: "text-right tabular-nums" },
      ]}
    />
  );
}
