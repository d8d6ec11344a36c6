import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { IncidentRow } from "@/lib/incidents/queries";
import { formatDateTime } from "@/lib/validation/dates";

export async function IncidentList({ items }: { items: IncidentRow[] }) {
  const [t, tt, tg] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
  ]);
  return (
    <>
      <ul className="flex flex-col gap-2 sm:hidden">
        {items.map((i) => (
          <li key={i.id} className="rounded-md border border-slate-300 bg-white p-3">
            <Link href={`/incidents/${i.id}`} className="font-semibold">
              {tt(i.type)} · {formatDateTime(i.occurredAt)}
            </Link>
            <p className="text-sm">{i.district}</p>
            <p className="text-sm text-slate-700">
              {t("casualties", { killed: i.killed, injured: i.injured })} · {tg(i.groupMemberInvolvement)}
            </p>
          </li>
        ))}
      </ul>
      <table className="hidden w-full border-collapse bg-white text-left sm:table">
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("when")}
            </th>
            <th scope="col" className="p-2">
              {t("type")}
            </th>
            <th scope="col" className="p-2">
              {t("district")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("killed")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("injured")}
            </th>
            <th scope="col" className="p-2">
              {t("gmiShort")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className="border-b border-slate-200">
              <td className="p-2">
                <Link href={`/incidents/${i.id}`} className="font-medium">
                  {formatDateTime(i.occurredAt)}
                </Link>
              </td>
              <td className="p-2">{tt(i.type)}</td>
              <td className="p-2">{i.district}</td>
              <td className="p-2 text-right">{i.killed}</td>
              <td className="p-2 text-right">{i.injured}</td>
              <td className="p-2">{tg(i.groupMemberInvolvement)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
