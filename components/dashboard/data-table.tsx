import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Cell, Table } from "@/lib/dashboard/tables";

const numberFormat = new Intl.NumberFormat("sv-SE");

/** A cell as text: numbers grouped the Swedish way, differences signed, hidden values marked. */
export function CellText({ value, signed, notShown }: { value: Cell; signed?: boolean; notShown: string }): ReactNode {
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{notShown}</span>
      </>
    );
  }
  if (typeof value !== "number") return value;
  const text = numberFormat.format(Math.abs(value));
  if (!signed || value === 0) return value < 0 ? `−${text}` : text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/**
 * One dashboard table; the first column labels the rows. Wide tables scroll sideways on a phone
 * (the scrolling region can be focused, so it also scrolls by keyboard).
 */
export async function DataTable({ table, caption = true }: { table: Table; caption?: boolean }) {
  const t = await getTranslations("dashboard");
  const signed = new Set(table.signedColumns ?? []);
  if (table.rows.length === 0) return <p>{t("table.empty")}</p>;
  return (
    <div className="overflow-x-auto" role="region" aria-label={t("table.region", { title: table.title })} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className={caption ? "mb-2 text-left font-semibold" : "sr-only"}>{table.title}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {table.columns.map((column, i) => (
              <th key={i} scope="col" className={i === 0 ? "p-2" : "p-2 text-right"}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-200">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="p-2 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right tabular-nums">
                    <CellText value={cell} signed={signed.has(i)} notShown={t("table.notShownText")} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? <p className="mt-2 text-sm text-slate-700">{table.note}</p> : null}
    </div>
  );
}
