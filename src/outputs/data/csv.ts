// CSV per RFC 4180, for spreadsheet software first: UTF-8 with a byte-order mark (without it Excel
// reads Chinese as GBK and shows mojibake), CRLF line ends, and a guard against formula injection
// because cell text comes from scraped documents and status reports.

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** A column: its header (a stable, documented Chinese name) and how to read it from a row. */
export interface CsvColumn<R> {
  name: string;
  /** 中文说明, shown on /data/. */
  description: string;
  /** The JSON field the column comes from (tasks.json etc.), shown on /data/ beside the Chinese header. */
  field?: string;
  get: (row: R) => CsvValue;
}

// Text starting with these makes Excel/LibreOffice/WPS evaluate the cell as a formula
// (OWASP "CSV injection"); tab and CR are included because some programs strip them first.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-guarded, then quoted when RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are ours, not source text: a negative number stays a number.
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line: the columns' names, formula-guarded and quoted like any cell. */
export const csvHeader = <R>(columns: readonly CsvColumn<R>[]): string => columns.map((c) => csvCell(c.name)).join(',');

/** One row as a line, without its line end. */
export function csvLine<R>(columns: readonly CsvColumn<R>[], row: R): string {
  const cells = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) cells[i] = csvCell(columns[i].get(row));
  return cells.join(',');
}

/** A file from its header line and row lines: BOM first, CRLF after every record. */
export function csvFile(header: string, lines: Iterable<string>): string {
  // RFC 4180: every record ends with CRLF, the last one optionally; we end it for clean appends.
  return BOM + [header, ...lines].join('\r\n') + '\r\n';
}

/** Header line plus one line per row; linear in the number of rows. */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(csvLine(columns, row));
  return csvFile(csvHeader(columns), lines);
}
