import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BoardColumn } from "@/lib/referrals/queries";
import { formatDay } from "@/lib/validation/format-day";
import { listHref } from "@/components/activities/filter-form";

/** The open referrals by status: one column per step, stacked on a phone. */
export async function ReferralBoard({ columns, mine }: { columns: BoardColumn[]; mine: boolean }) {
  const [t, ts] = await Promise.all([getTranslations("referrals"), getTranslations("referralStatus")]);
  return (
    <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
      {columns.map((column) => (
        <section
          key={column.status}
          aria-labelledby={`column-${column.status}`}
          className="flex flex-col rounded-lg border border-slate-300 bg-white"
        >
          <h2 id={`column-${column.status}`} className="border-b border-slate-300 px-3 py-2 text-base font-semibold">
            {ts(column.status)} <span className="font-normal text-slate-700">({column.total})</span>
          </h2>
          {column.items.length === 0 ? (
            <p className="p-3 text-sm text-slate-700">{t("emptyColumn")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200">
              {column.items.map((card) => (
                <li key={card.id} className="px-3 py-2">
                  <Link href={`/referrals/${card.id}`} className="font-medium">
                    {card.personName}
                  </Link>
                  <p className="text-sm text-slate-700">{t("since", { date: formatDay(card.statusChangedAt) })}</p>
                </li>
              ))}
            </ul>
          )}
          {column.total > column.items.length ? (
            <p className="mt-auto border-t border-slate-200 px-3 py-2 text-sm">
              <Link
                href={listHref("/referrals", { view: "list", status: column.status, mine: mine ? "1" : undefined })}
              >
                {t("showAll", { count: column.total })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
