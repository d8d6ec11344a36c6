import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ExtractRequestRow } from "@/lib/register-extract/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

/** Requests as a table that scrolls sideways on a phone; the reference leads to the request. */
export async function RequestTable({ rows, hrefFor }: { rows: ExtractRequestRow[]; hrefFor: (id: string) => string }) {
  const [t, ts] = await Promise.all([getTranslations("extractRequests"), getTranslations("extractRequestStatuses")]);
  if (rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("reference")}
            </th>
            <th scope="col" className="p-2">
              {t("person")}
            </th>
            <th scope="col" className="p-2">
              {t("receivedOn")}
            </th>
            <th scope="col" className="p-2">
              {t("status")}
            </th>
            <th scope="col" className="p-2">
              {t("registeredAt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <Link href={hrefFor(r.id)}>{r.reference}</Link>
              </td>
              <td className="p-2">{r.person.label ?? t("anonymisedPerson")}</td>
              <td className="p-2 whitespace-nowrap">{formatDate(r.receivedOn)}</td>
              <td className="p-2">{ts(r.status)}</td>
              <td className="p-2 whitespace-nowrap">{formatDateTime(r.registeredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
