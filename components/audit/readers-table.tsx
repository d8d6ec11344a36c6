import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonReaders } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

export async function ReadersTable({ personId, readers }: { personId: string; readers: PersonReaders["readers"] }) {
  const [t, troles] = await Promise.all([getTranslations("auditReaders"), getTranslations("roles")]);
  const number = "text-right tabular-nums";
  return (
    <DataTable
      caption={t("caption")}
      empty={t("none")}
      rows={readers}
      rowKey={(r) => r.user?.id ?? "system"}
      columns={[
        {
          header: t("user"),
          primary: true,
          cell: (r) =>
            r.user ? (
              <Link href={`/admin/audit?${new URLSearchParams({ personId, userId: r.user.id })}`}>
                {r.user.name} ({troles(r.user.role)})
              </Link>
            ) : (
              t("system")
            ),
        },
        { header: t("reads"), cell: (r) => r.reads, className: number },
        { header: t("withReason"), cell: (r) => r.withReason, className: number },
        { header: t("first"), cell: (r) => formatDateTime(r.first) },
        { header: t("last"), cell: (r) => formatDateTime(r.last) },
      ]}
    />
  );
}
