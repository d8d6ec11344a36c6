import { Fragment, type Key, type ReactNode } from "react";
import { cn } from "./cn";

export type Column<T> = {
  /** The column's header, and the label of its value in a row's card on a phone. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /**
   * The column that names the row: a row header (`<th scope="row">`) in the table, the card's title
   * on a phone. One column at most; without one, every column is a labelled value in the card.
   */
  primary?: boolean;
  /** Classes for the column's header and cells (alignment, `whitespace-nowrap`, …). */
  className?: string;
};

/**
 * The one table of the app. A real <table> with a caption from the small breakpoint up and on
 * paper; below it (a phone), each row is a card: the primary column as its title and the other
 * columns as a <dl>. Both are in the page and CSS shows one, so nothing depends on JavaScript or on
 * measuring the screen, and the hidden one is out of the accessibility tree. Keep cells free of `id`s
 * and forms: they are rendered twice.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty,
  scrollLabel,
  className,
}: {
  /** What the table holds; visually hidden unless `captionVisible` (a heading above usually says it). */
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** What the page says when there are no rows. */
  empty: ReactNode;
  /** A wide table: its scrolling box becomes a named region that takes focus, so it scrolls by keyboard. */
  scrollLabel?: string;
  className?: string;
}) {
  if (rows.length === 0) return <p className={className}>{empty}</p>;
  const primary = columns.find((c) => c.primary);
  const details = columns.filter((c) => c !== primary);
  return (
    <div className={className}>
      {captionVisible ? <p className="mb-2 font-semibold sm:hidden print:hidden">{caption}</p> : null}
      {/* Unnamed: the heading above says what the list holds, and the caption as its name would
          also answer a look-up by label meant for a form field (the audit log's "Händelse"). */}
      <ul className="flex flex-col gap-2 sm:hidden print:hidden">
        {rows.map((row, i) => (
          <li key={rowKey(row, i)} className="rounded-md border border-slate-300 bg-white p-3 text-sm">
            {primary ? <div className="mb-1 text-base font-semibold">{primary.cell(row)}</div> : null}
            {details.length > 0 ? (
              <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1">
                {details.map((column, c) => (
                  <Fragment key={c}>
                    <dt className="text-slate-700">{column.header}</dt>
                    <dd className="min-w-0 break-words">{column.cell(row)}</dd>
                  </Fragment>
                ))}
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
      <div
        className="hidden overflow-x-auto sm:block print:block print:overflow-visible"
        {...(scrollLabel ? { role: "region", "aria-label": scrollLabel, tabIndex: 0 } : {})}
      >
        <table className="w-full border-collapse bg-white text-left text-sm print:text-xs">
          <caption className={captionVisible ? "mb-2 text-left text-base font-semibold" : "sr-only"}>{caption}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              {columns.map((column, c) => (
                <th key={c} scope="col" className={cn("p-2 print:p-1", column.className)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={rowKey(row, i)} className="border-b border-slate-200 align-top print:break-inside-avoid">
                {columns.map((column, c) =>
                  column === primary ? (
                    <th key={c} scope="row" className={cn("p-2 font-normal print:p-1", column.className)}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={c} className={cn("p-2 print:p-1", column.className)}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
