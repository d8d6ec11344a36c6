import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonReaders } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/validation/dates";

/** On "who has read this file": each request's registration, decision, production and openings. */
export async function ExtractHistoryTable({ events }: { events: PersonReaders["extractEvents"] }) {
  const [t, troles] = await Promise.all([getTranslations("extractHistory"), getTranslations("roles")]);
  if (events.length === 0) return <p>{t("none")}</p>;
  const format = (f: string | null) => (f && t.has(`formats.${f}`) ? t(`formats.${f}`) : (f ?? "–"));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("time")}
            </th>
            <th scope="col" className="p-2">
              {t("user")}
            </th>
            <th scope="col" className="p-2">
              {t("event")}
            </th>
            <th scope="col" className="p-2">
              {t("reference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">
                <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
              </td>
              <td className="p-2">
                {e.user ? (
                  <>
                    {e.user.name}
                    {e.user.role ? <span className="block text-slate-700">{troles(e.user.role)}</span> : null}
                  </>
                ) : (
                  t("system")
                )}
              </td>
              <td className="p-2">{t(`events.${e.event}`, { format: format(e.format) })}</td>
              <td className="p-2 break-words">
                {e.requestId ? (
                  <Link href={`/admin/extract-requests/${e.requestId}`}>{e.reference ?? "–"}</Link>
                ) : (
                  (e.reference ?? "–")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
