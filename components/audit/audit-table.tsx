import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit-log/queries";
import { parseAccessReason } from "@/lib/caseload-gate/reasons";
import { formatDateTime } from "@/lib/validation/dates";

/**
 * Audit events as a table (cards on a phone). `personHref` links each person to where the viewer
 * goes next: ADMIN to "who has read this file", an agency user to the file itself.
 */
export async function AuditTable({
  rows,
  personHref,
  showActor,
}: {
  rows: AuditRow[];
  personHref: (personId: string) => string;
  showActor: boolean;
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
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("time")}
            </th>
            {showActor ? (
              <th scope="col" className="p-2">
                {t("user")}
              </th>
            ) : null}
            <th scope="col" className="p-2">
              {t("action")}
            </th>
            <th scope="col" className="p-2">
              {t("entity")}
            </th>
            <th scope="col" className="p-2">
              {t("person")}
            </th>
            <th scope="col" className="p-2">
              {t("reason")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">
                <time dateTime={row.occurredAt.toISOString()}>{formatDateTime(row.occurredAt)}</time>
              </td>
              {showActor ? (
                <td className="p-2">
                  {row.actor ? (
                    <>
                      {row.actor.name}
                      {row.actor.role ? <span className="block text-slate-700">{troles(row.actor.role)}</span> : null}
                    </>
                  ) : (
                    t("system")
                  )}
                </td>
              ) : null}
              <td className="p-2">{ta.has(row.action) ? ta(row.action) : row.action}</td>
              <td className="p-2">{entity(row.entityType)}</td>
              <td className="p-2">{person(row)}</td>
              <td className="p-2 break-words">{reason(row.reason) ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
