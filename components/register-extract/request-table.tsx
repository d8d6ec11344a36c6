import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ExtractRequestRow } from "@/lib/register-extract/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/** Requests as a table (cards on a phone); the reference leads to the request. */
export async function RequestTable({ rows, hrefFor }: { rows: ExtractRequestRow[]; hrefFor: (id: string) => string }) {
  const [t, ts] = await Promise.all([getTranslations("extractRequests"), getTranslations("extractRequestStatuses")]);
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: t("reference"), primary: true, cell: (r) => <Link href={hrefFor(r.id)}>{r.reference}</Link> },
        { header: t("person"), cell: (r) => r.person.label ?? t("anonymisedPerson") },
        { header: t("receivedOn"), cell: (r) => formatDate(r.receivedOn), className: "whitespace-nowrap" },
        { header: t("status"), cell: (r) => ts(r.status) },
        { header: t("registeredAt"), cell: (r) => formatDateTime(r.registeredAt), className: "whitespace-nowrap" },
      ]}
    />
  );
}
