import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Cell, Table } from "@/lib/dashboard/tables";
import { DataTable as UiDataTable } from "@/components/ui/data-table";

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
 * One dashboard table; the first column labels the rows (each row's card title on a phone). Wide
 * tables scroll sideways inside their own focusable region, so they also scroll by keyboard.
 */
export async function DataTable({
  table,
  caption = true,
}: {
  /** A dashboard table, or any table of the same shape (the national view's). */
  table: Omit<Table, "section">;
  caption?: boolean;
}) {
  const t = await getTranslations("dashboard");
  const signed = new Set(table.signedColumns ?? []);
  const notShown = t("table.notShownText");
  return (
    <div>
      <UiDataTable
        caption={table.title}
        captionVisible={caption}
        empty={t("table.empty")}
        scrollLabel={t("table.region", { title: table.title })}
        rows={table.rows}
        rowKey={(_, r) => r}
        columns={table.columns.map((header, i) =>
          i === 0
            ? { header, primary: true, cell: (row: Cell[]) => row[0] }
            : {
                header,
                className: "text-right tabular-nums",
                cell: (row: Cell[]) => <CellText value={row[i] ?? null} signed={signed.has(i)} notShown={notShown} />,
              },
        )}
      />
      {table.note && table.rows.length > 0 ? <p className="mt-2 text-sm text-slate-700">{table.note}</p> : null}
    </div>
  );
}
