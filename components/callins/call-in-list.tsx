import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CallInRow } from "@/lib/callins/queries";
import { formatDateTime } from "@/lib/validation/dates";

export async function CallInList({ items }: { items: CallInRow[] }) {
  const t = await getTranslations("callIns");
  return (
    <>
      <ul className="flex flex-col gap-2 sm:hidden">
        {items.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3">
            <Link href={`/call-ins/${c.id}`} className="font-semibold">
              {formatDateTime(c.occurredAt)} · {c.venue}
            </Link>
            <p className="text-sm text-slate-700">{t("attendance", { invited: c.invited, attended: c.attended })}</p>
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
              {t("venue")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("invited")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("attended")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <td className="p-2">
                <Link href={`/call-ins/${c.id}`} className="font-medium">
                  {formatDateTime(c.occurredAt)}
                </Link>
              </td>
              <td className="p-2">{c.venue}</td>
              <td className="p-2 text-right">{c.invited}</td>
              <td className="p-2 text-right">{c.attended}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
