// Status files in CSV, as spreadsheets save them: UTF-8 (often with a byte-order mark) or, on Chinese Windows,
// GB18030 (Big5 on traditional-Chinese systems, UTF-16 from "Unicode text"); English or Chinese headers, in
// simplified or traditional characters; evidence, indicators and source packed into cells. Each row is checked
// like a YAML entry (checks.ts), and a bad document or period is reported once, not on every row.
import Papa from 'papaparse';
import { SourceError } from '../../domain/source-error';
import { simplifiedWord } from '../traditional';
import { checkHeader, checkRawEntry, readStatusText, valueAt, zodErrors, type Context, type Header, type Locate } from './checks';
import { headerSchema } from './schema';

export const CSV_COLUMNS = [
  'document',
  'period',
  'task',
  'status',
  'progress',
  'evidence',
  'indicators',
  'reportingUnit',
  'reportedOn',
  'source',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['document', 'period', 'task', 'status', 'reportingUnit', 'reportedOn', 'source'];

/** Chinese headers officials may keep in their spreadsheets (in traditional characters too: 報告單位). */
const COLUMN_ALIASES: Record<string, CsvColumn> = {
  文件: 'document',
  报告期: 'period',
  任务: 'task',
  状态: 'status',
  进展情况: 'progress',
  佐证资料: 'evidence',
  指标: 'indicators',
  报告单位: 'reportingUnit',
  报告日期: 'reportedOn',
  来源: 'source',
};

/** Splits "a;b；c" on ASCII or full-width semicolons, dropping empty items. */
const splitItems = (s: string) =>
  s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

type CellParse<T> = { value: T } | { error: { field: string; problem: string; expected: string } };

function parseEvidenceCell(cell: string): CellParse<{ title: string; url: string }[]> {
  const items = splitItems(cell);
  const out: { title: string; url: string }[] = [];
  for (const [i, item] of items.entries()) {
    const bar = item.lastIndexOf('|');
    if (bar < 0)
      return { error: { field: `evidence[${i}]`, problem: `no "|" in "${item}"`, expected: 'items "title|url" separated by ";"' } };
    out.push({ title: item.slice(0, bar).trim(), url: item.slice(bar + 1).trim() });
  }
  return { value: out };
}

function parseIndicatorsCell(cell: string): CellParse<{ target: number; value: number; unit?: string }[]> {
  const out: { target: number; value: number; unit?: string }[] = [];
  for (const [i, item] of splitItems(cell).entries()) {
    const m = /^(\d+)\s*[=＝]\s*(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(item);
    if (!m)
      return {
        error: {
          field: `indicators[${i}]`,
          problem: `cannot read "${item}"`,
          expected: 'items "targetIndex=value" (e.g. 0=38.5) separated by ";"',
        },
      };
    out.push({ target: Number(m[1]), value: Number(m[2]), ...(m[3].trim() ? { unit: m[3].trim() } : {}) });
  }
  return { value: out };
}

function parseSourceCell(cell: string): unknown {
  const s = cell.trim();
  if (s === '' || s === 'demo') return s || undefined;
  const bar = s.lastIndexOf('|');
  return bar < 0 ? { title: s } : { title: s.slice(0, bar).trim(), url: s.slice(bar + 1).trim() };
}

/** Rows with the 1-based line each starts on (a quoted cell may span lines). */
function csvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
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

const columnOf = (cell: string): CsvColumn | null => {
  const name = cell.trim();
  if ((CSV_COLUMNS as readonly string[]).includes(name)) return name as CsvColumn;
  return COLUMN_ALIASES[name] ?? COLUMN_ALIASES[simplifiedWord(name)] ?? null;
};

export function loadCsv(ctx: Context, abs: string, file: string): void {
  const decoded = readStatusText(ctx, abs, file, 'CSV');
  if (!decoded) return;
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows = csvRows(text);
  const headerRow = rows.shift();
  if (!headerRow) {
    ctx.errors.push(new SourceError({ file, line: 1 }, 'empty file', `a header row with the columns ${CSV_COLUMNS.join(', ')}`));
    return;
  }
  const columns: (CsvColumn | null)[] = headerRow.cells.map(columnOf);
  // Read in an encoding guessed from its bytes and not one column known: one error that names the encoding, not one per column.
  if ((decoded.encoding === 'gb18030' || decoded.encoding === 'big5') && columns.every((c) => c === null)) {
    ctx.errors.push(
      new SourceError(
        { file, line: headerRow.line },
        `none of the header's columns is a known one (the file was read as ${decoded.encoding.toUpperCase()}; if it is in another encoding, save it as “CSV UTF-8”)`,
        `the columns ${CSV_COLUMNS.join(', ')}`,
      ),
    );
    return;
  }
  let headerOk = true;
  columns.forEach((c, i) => {
    if (c && columns.indexOf(c) !== i) {
      headerOk = false;
      ctx.errors.push(new SourceError({ file, line: headerRow.line, field: c }, `column "${c}" appears twice`, 'each column once'));
    }
  });
  headerRow.cells.forEach((h, i) => {
    if (columns[i] === null && h.trim() !== '') {
      headerOk = false;
      ctx.errors.push(
        new SourceError(
          { file, line: headerRow.line, field: h.trim() },
          `unknown column "${h.trim()}"`,
          `only the columns ${CSV_COLUMNS.join(', ')}`,
        ),
      );
    }
  });
  for (const col of REQUIRED_COLUMNS) {
    if (!columns.includes(col)) {
      headerOk = false;
      ctx.errors.push(
        new SourceError({ file, line: headerRow.line, field: col }, `missing column "${col}"`, `the columns ${CSV_COLUMNS.join(', ')}`),
      );
    }
  }
  if (!headerOk) return;

  const headerErrors = new Set<string>(); // report a bad document/period once, not on every row
  let fileKind: 'demo' | 'official' | null = null;
  const checkedHeaders = new Map<string, ReturnType<typeof checkHeader>>();

  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue; // blank lines, Excel's trailing ",,,,"
    const locate: Locate = () => row.line;
    const cell: Partial<Record<CsvColumn, string>> = {};
    row.cells.forEach((c, i) => {
      const col = columns[i];
      if (col) cell[col] = c;
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

    const rawHeader = { document: opt(cell.document), period: opt(cell.period), source: parseSourceCell(cell.source ?? ''), reports: [] };
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
    const kind = header.source === 'demo' ? 'demo' : 'official';
    if (fileKind && kind !== fileKind) {
      const what = { demo: 'demonstration (demo)', official: 'official' };
      ctx.errors.push(
        new SourceError(
          { file, line: row.line, field: 'source' },
          `${what[kind]} data in a file whose earlier rows are ${what[fileKind]}`,
          'all rows of a file either demo or from an official disclosure, never mixed',
        ),
      );
      continue;
    }
    fileKind ??= kind;

    const hk = `${header.document}|${header.period}`;
    if (!checkedHeaders.has(hk)) {
      if (checkedHeaders.size > 0) {
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
      checkedHeaders.set(hk, checkHeader(ctx, file, header, { document: row.line, period: row.line }));
    }
    const target = checkedHeaders.get(hk) ?? null;

    const evidence = parseEvidenceCell(cell.evidence ?? '');
    const indicators = parseIndicatorsCell(cell.indicators ?? '');
    let cellError = false;
    for (const r of [evidence, indicators]) {
      if ('error' in r) {
        cellError = true;
        ctx.errors.push(new SourceError({ file, line: row.line, field: r.error.field }, r.error.problem, r.error.expected));
      }
    }
    const rawEntry = {
      task: opt(cell.task),
      status: opt(cell.status),
      progress: cell.progress?.trim() ?? '',
      evidence: 'value' in evidence ? evidence.value : [],
      indicators: 'value' in indicators ? indicators.value : [],
      reportingUnit: opt(cell.reportingUnit),
      reportedOn: opt(cell.reportedOn),
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
}
