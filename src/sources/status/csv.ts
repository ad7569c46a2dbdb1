// Status files in CSV, as spreadsheets save them: UTF-8 (often with a byte-order mark) or, on Chinese Windows,
// GB18030 (Big5 on traditional-Chinese systems, UTF-16 from "Unicode text"); English or Chinese headers, in
// simplified or traditional characters; evidence, indicators and source packed into cells. The columns and the
// forms of their cells are those of rows.ts (a filled reporting template and /data/reports.csv read alike).
// Each row is checked like a YAML entry (checks.ts), and a bad document or period is reported once, not on
// every row. checkTable() is also what `npm run import` checks a filled template with.
import Papa from 'papaparse';
import { SourceError } from '../../domain/source-error';
import { checkHeader, checkRawEntry, readStatusText, valueAt, zodErrors, type Context, type Header, type Locate } from './checks';
import {
  cellText,
  columnOf,
  dateCell,
  findTask,
  KNOWN_COLUMNS,
  periodCell,
  preferExactColumns,
  readEvidence,
  readIndicators,
  readSource,
  STATUS_COLUMNS,
  taskIndex,
  type RowField,
} from './rows';
import { headerSchema } from './schema';

export const CSV_COLUMNS = STATUS_COLUMNS.map((c) => c.name);

/** Columns a table must have, each met by one of the fields listed (the export writes the source as three). */
const REQUIRED: readonly [name: string, fields: readonly RowField[]][] = [
  ['period', ['period']],
  ['task', ['task']],
  ['status', ['status']],
  ['reportingUnit', ['reportingUnit']],
  ['reportedOn', ['reportedOn']],
  ['source', ['source', 'sourceTitle', 'demo']],
];
/** Columns a table given to `npm run import` may leave out: the source may come from --source. */
const OPTIONAL_ON_IMPORT = new Set(['source']);

/** A row of a table, with the 1-based line (CSV) or row number (XLSX) it starts on. */
export interface TableRow {
  cells: string[];
  line: number;
}

/** Rows with the 1-based line each starts on (a quoted cell may span lines). */
export function csvRows(text: string): TableRow[] {
  const rows: TableRow[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (r) => {
      rows.push({ cells: r.data, line });
      const end = r.meta.cursor;
      for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      offset = end;
    },
  });
  return rows;
}

export function loadCsv(ctx: Context, abs: string, file: string): void {
  const decoded = readStatusText(ctx, abs, file, 'CSV');
  if (!decoded) return;
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  checkTable(ctx, file, csvRows(text), { placed: true, encoding: decoded.encoding });
}

export interface TableOptions {
  /**
   * True for a file of content/status/<document>/<period>.csv: one document and period, named by its place.
   * False for a table given to `npm run import` (a filled template, /data/reports.csv): any documents and periods.
   */
  placed: boolean;
  /** The encoding the text was read in, when guessed from its bytes. */
  encoding?: string;
  /** Rows above the header a table may have (a title row): the header is the first row naming two known columns. */
  headerSearch?: number;
  /** The source of rows that name none (`npm run import -- --source`): "demo" or { title, url }. */
  defaultSource?: unknown;
}

/** The cells a report is written in: a row with none of them filled is a template's untouched row. */
const REPORT_FIELDS: readonly RowField[] = ['status', 'progress', 'evidence', 'indicators', 'reportingUnit', 'reportedOn'];

/** The header row: the first row, or the first naming at least two known columns within `search` rows. */
function findHeader(rows: TableRow[], search: number): number {
  for (let i = 0; i < Math.min(search, rows.length); i++) {
    if (rows[i].cells.filter((c) => columnOf(c)).length >= 2) return i;
  }
  return 0;
}

/** Checks a table of status reports (a header row, then one report a row) into ctx.reports, every problem into ctx.errors. */
export function checkTable(ctx: Context, file: string, allRows: TableRow[], options: TableOptions): void {
  const before = ctx.errors.length;
  const headers = checkRows(ctx, file, allRows, options);
  // A table given to `npm run import` names its columns as its header writes them (状态, not status).
  if (!options.placed && headers.size)
    for (let i = before; i < ctx.errors.length; i++) {
      const e = ctx.errors[i];
      const field = e.field?.replace(/^[A-Za-z]+/, (f) => headers.get(f as RowField) ?? f);
      if (e.file === file && field && field !== e.field) ctx.errors[i] = withField(e, field);
    }
}

/** The same error naming another field. */
function withField(e: SourceError, field: string): SourceError {
  const where = [e.file, e.line ? `line ${e.line}` : null, e.field ? `field "${e.field}"` : null].filter(Boolean).join(', ');
  let problem = e.message.slice(where.length + 2);
  const suffix = e.expected ? `; expected ${e.expected}` : '';
  if (suffix && problem.endsWith(suffix)) problem = problem.slice(0, -suffix.length);
  return new SourceError({ file: e.file, line: e.line, field }, problem, e.expected);
}

/** checkTable's work; the header as written for each field whose column is not under its English name. */
function checkRows(ctx: Context, file: string, allRows: TableRow[], options: TableOptions): Map<RowField, string> {
  const written = new Map<RowField, string>();
  const start = findHeader(allRows, options.headerSearch ?? 1);
  const rows = allRows.slice(start);
  const headerRow = rows.shift();
  if (!headerRow) {
    ctx.errors.push(new SourceError({ file, line: 1 }, 'empty file', `a header row with the columns ${CSV_COLUMNS.join(', ')}`));
    return written;
  }
  const named = headerRow.cells.map(columnOf);
  named.forEach((f, i) => {
    const h = headerRow.cells[i].trim();
    if (f && h !== f) written.set(f, h);
  });
  const columns = preferExactColumns(
    headerRow.cells,
    named.map((c) => c ?? null),
  );
  // Read in an encoding guessed from its bytes and not one column known: one error that names the encoding, not one per column.
  if ((options.encoding === 'gb18030' || options.encoding === 'big5') && named.every((c) => !c)) {
    ctx.errors.push(
      new SourceError(
        { file, line: headerRow.line },
        `none of the header's columns is a known one (the file was read as ${options.encoding.toUpperCase()}; if it is in another encoding, save it as “CSV UTF-8”)`,
        `the columns ${CSV_COLUMNS.join(', ')}`,
      ),
    );
    return written;
  }
  let headerOk = true;
  columns.forEach((c, i) => {
    if (c && columns.indexOf(c) !== i) {
      headerOk = false;
      ctx.errors.push(new SourceError({ file, line: headerRow.line, field: c }, `column "${c}" appears twice`, 'each column once'));
    }
  });
  headerRow.cells.forEach((h, i) => {
    if (named[i] === undefined && h.trim() !== '') {
      headerOk = false;
      ctx.errors.push(
        new SourceError(
          { file, line: headerRow.line, field: h.trim() },
          `unknown column "${h.trim()}"`,
          `only the columns ${KNOWN_COLUMNS}`,
        ),
      );
    }
  });
  for (const [name, fields] of REQUIRED) {
    if (!options.placed && options.defaultSource !== undefined && OPTIONAL_ON_IMPORT.has(name)) continue;
    if (!fields.some((f) => columns.includes(f))) {
      headerOk = false;
      ctx.errors.push(
        new SourceError({ file, line: headerRow.line, field: name }, `missing column "${name}"`, `the columns ${CSV_COLUMNS.join(', ')}`),
      );
    }
  }
  if (!headerOk) return written;

  const headerErrors = new Set<string>(); // report a bad document/period once, not on every row
  const kinds = new Map<string, 'demo' | 'official'>(); // per document and period: demo or official, never both
  const checkedHeaders = new Map<string, ReturnType<typeof checkHeader>>();

  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue; // blank lines, Excel's trailing ",,,,"
    const locate: Locate = () => row.line;
    const cell: Partial<Record<RowField, string>> = {};
    row.cells.forEach((c, i) => {
      const col = columns[i];
      if (col) cell[col] = cellText(c);
    });
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      ctx.errors.push(
        new SourceError(
          { file, line: row.line },
          `${row.cells.length} cells but ${columns.length} columns`,
          'one cell per header column (quote cells that contain commas)',
        ),
      );
      continue;
    }
    const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
    // A template's row nobody filled in (its task number and title only): no report, not an error.
    if (!options.placed && REPORT_FIELDS.every((f) => opt(cell[f]) === undefined)) continue;

    // A task written as its id (doc/t12, as /data/reports.csv does) names its document.
    const taskCell = opt(cell.task);
    const document = opt(cell.document) ?? (taskCell && /^[a-z0-9][a-z0-9-]*\/[^/]+$/.test(taskCell) ? taskCell.split('/')[0] : undefined);
    const period = opt(cell.period);
    const rawHeader = { document, period: period && periodCell(period), source: readSource(cell) ?? options.defaultSource, reports: [] };
    const head = headerSchema.safeParse(rawHeader);
    if (!head.success) {
      for (const e of zodErrors(file, head.error.issues, rawHeader, [], locate)) {
        const k = `${e.field}|${JSON.stringify(valueAt(rawHeader, [e.field ?? '']))}`;
        if (!headerErrors.has(k)) ctx.errors.push(e);
        headerErrors.add(k);
      }
      continue;
    }
    const header: Header = head.data;
    const hk = `${header.document}|${header.period}`;
    if (options.placed && !checkedHeaders.has(hk) && checkedHeaders.size > 0) {
      const [firstDoc, firstPeriod] = [...checkedHeaders.keys()][0].split('|');
      ctx.errors.push(
        new SourceError(
          { file, line: row.line, field: header.document !== firstDoc ? 'document' : 'period' },
          `row for ${header.document} ${header.period} in a file for ${firstDoc} ${firstPeriod}`,
          'one file per document and period',
        ),
      );
      continue;
    }
    const kind = header.source === 'demo' ? 'demo' : 'official';
    const before = kinds.get(hk);
    if (before && kind !== before) {
      const what = { demo: 'demonstration (demo)', official: 'official' };
      ctx.errors.push(
        new SourceError(
          { file, line: row.line, field: 'source' },
          `${what[kind]} data in a ${options.placed ? 'file' : 'document and period'} whose earlier rows are ${what[before]}`,
          'all rows of a document and period either demo or from an official disclosure, never mixed',
        ),
      );
      continue;
    }
    kinds.set(hk, kind);
    if (!checkedHeaders.has(hk)) checkedHeaders.set(hk, checkHeader(ctx, file, header, { document: row.line, period: row.line }));
    const target = checkedHeaders.get(hk) ?? null;

    const evidence = readEvidence(cell.evidence ?? '');
    const indicators = readIndicators(cell.indicators ?? '');
    let cellError = false;
    for (const r of [evidence, indicators]) {
      if ('error' in r) {
        cellError = true;
        ctx.errors.push(new SourceError({ file, line: row.line, field: r.error.field }, r.error.problem, r.error.expected));
      }
    }
    // The task as the document writes its number ((一), 1., 第三条) or as its id.
    let task = taskCell;
    if (task !== undefined && target) {
      const found = findTask(taskIndex(target.doc), task);
      if ('task' in found) task = found.task.localId;
      else if ('ambiguous' in found) {
        ctx.errors.push(
          new SourceError(
            { file, line: row.line, field: 'task' },
            `task number "${task}" names ${found.ambiguous.length} tasks of ${target.doc.slug} (${found.ambiguous.map((t) => t.localId).join(', ')})`,
            'the task id (its page address ends in it), such as ' + found.ambiguous[0].localId,
          ),
        );
        continue;
      }
    }
    const rawEntry = {
      task,
      status: opt(cell.status),
      progress: cell.progress?.trim() ?? '',
      evidence: 'value' in evidence ? evidence.value : [],
      indicators: 'value' in indicators ? indicators.value : [],
      reportingUnit: opt(cell.reportingUnit),
      reportedOn: opt(cell.reportedOn) && dateCell(cell.reportedOn!),
    };
    checkRawEntry(
      ctx,
      file,
      rawEntry,
      { prefix: [], line: row.line, field: (f) => f, locate: () => row.line },
      cellError ? null : (target ?? null),
      header,
    );
  }
  return written;
}
