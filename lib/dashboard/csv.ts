import { stringify } from "csv-stringify/sync";
import type { Cell, Table } from "./tables";

// A text cell that starts like a formula would run as one in a spreadsheet (CSV injection):
// such text is prefixed with an apostrophe, which spreadsheets show as plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A table as CSV the way Swedish spreadsheets open it without an import dialog: semicolons
 * (the comma is the decimal sign here), CRLF line ends and a UTF-8 byte-order mark for å, ä, ö.
 */
export function tableToCsv(table: Omit<Table, "section"> & { section?: string }): string {
  const records = [table.columns, ...table.rows].map((row) => row.map(cell));
  return `\uFEFF${stringify(records, { delimiter: ";", record_delimiter: "windows" })}`;
}

/** A file name of the section and the period, safe in a Content-Disposition header. */
export function csvFileName(section: string, from: string, to: string): string {
  return `samverkan-${section}-${from}-${to}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
}
