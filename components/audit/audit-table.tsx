import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit-log/queries";
import { parseAccessReason } from "@/lib/caseload-gate/reasons";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/**
 * Audit events as a table (cards on a phone). `personHref` links each person to where the viewer
 * goes next: ADMIN to "who has read this file", an agency user to the file itself.
 */
export async function AuditTable({
  rows,
  personHref,
  showActor,
  empty,
}: {
  rows: AuditRow[];
  personHref: (personId: string) => string;
  showActor: boolean;
  /** The page's own "nothing here" (the audit log's by default). */
  empty?: string;
}) {
  const [t, ta, te, tr, troles] = await Promise.all([
    getTranslations("audit"),
    getTranslations("auditActions"),
    getTranslations("auditEntities"),
    getTranslations("accessReasons"),
    getTranslations("roles"),
  ]);
  const entity = (type: string | null) => (type ? (te.has(type) ? te(type) : type) : "–");
  const reason = (value: string | null) => {
    if (!value) return null;
    const { code, text } = parseAccessReason(value);
    return code ? [tr(code), text].filter(Boolean).join(": ") : text;
  };
  const person = (row: AuditRow) =>
    row.person ? (
      row.person.label ? (
        <Link href={personHref(row.person.id)}>{row.person.label}</Link>
      ) : row.person.anonymised ? (
        <Link href={personHref(row.person.id)}>{t("anonymisedPerson")}</Link>
      ) : (
        <span className="font-mono text-xs">{row.person.id}</span>
      )
    ) : (
      "–"
    );

  return (
    <DataTable
      caption={t("caption")}
      empty={empty ?? t("empty")}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: t("time"),
          primary: true,
          className: "whitespace-nowrap",
          cell: (row) => <time dateTime={row.occurredAt.toISOString()}>{formatDateTime(row.occurredAt)}</time>,
        },
        ...(showActor
          ? [
              {
                header: t("user"),
                cell: (row: AuditRow) =>
                  row.actor ? (
                    <>
                      {row.actor.name}
                      {row.actor.role ? <span className="block text-slate-700">{troles(row.actor.role)}</span> : null}
                    </>
                  ) : (
                    t("system")
                  ),
              },
            ]
          : []),
        { header: t("action"), cell: (row) => (ta.has(row.action) ? ta(row.action) : row.action) },
        { header: t("entity"), cell: (row) => entity(row.entityType) },
        { header: t("person"), cell: person },
        { header: t("reason"), cell: (row) => reason(row.reason) ?? "–", className: "break-words" },
      ]}
    />
  );
}
