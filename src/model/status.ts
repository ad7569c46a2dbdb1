// Loads 进展情况 (status reports) from content/status/<documentSlug>/<periodId>.yaml|.csv and validates them
// against the documents. Every problem becomes a SourceError naming file, line, field and what was expected;
// all of them are collected before the build fails, so an official fixes a spreadsheet in one round.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { examplePeriodId, isRealDate, parsePeriod, periodKindFor, periodOverlaps } from './periods';
import { NO_PARSE_CACHE, type ParseCache } from './parse-cache';
import { SourceError, SourceErrors } from './source-error';
import { parseYamlSource } from './yaml-source';
import type { YamlText } from './yaml-text';
import { REPORTED_STATUSES, type Document, type Period, type StatusReport, type Task } from './types';

// ---------- schemas: the shape of one file and of one entry ----------

const STATUS_WORDS = `one of the status words ${REPORTED_STATUSES.join('、')} (未报告 and 已逾期 are derived, never entered)`;
const DATE = 'a real date YYYY-MM-DD';
const URL_RULE = 'an http(s) URL or a portal path starting with "/"';

/** Absolute http(s) URLs, or paths of the portal itself ("/documents/x/"); never javascript:, data:, //host. */
export function isAllowedUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  if (/^https?:\/\/[^/]/i.test(url)) {
    try {
      new URL(url);
      return true;
    } catch {
      return false;
    }
  }
  return /^\/(?!\/)/.test(url);
}

const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `only the fields ${Object.keys(shape).join(', ')}` : 'a mapping'),
  });

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });
const date = z.string({ error: DATE }).refine(isRealDate, { error: DATE });
const url = z.string({ error: URL_RULE }).refine(isAllowedUrl, { error: URL_RULE });

const sourceSchema = z.union(
  [z.literal('demo'), strict({ title: text('the title of the official disclosure'), url: url.optional() })],
  { error: 'demo (demonstration data), or title and url of the official disclosure' },
);

const entrySchema = strict({
  // A bare number (`task: 3`) is kept so that the error can suggest t3.
  task: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text('the task id inside the document, e.g. t12, g2-t3 or p7')),
  status: z.enum(REPORTED_STATUSES, { error: STATUS_WORDS }),
  progress: z.string({ error: 'Markdown text' }).default(''),
  evidence: z
    .array(strict({ title: text('a title for the link'), url }), { error: 'a list of {title, url}' })
    .default([]),
  indicators: z
    .array(
      strict({
        target: z.number({ error: 'an index into the task’s targets (0, 1, …)' }).int({ error: 'a whole number' }).min(0, { error: 'a number ≥ 0' }),
        value: z.number({ error: 'a number (no unit, no %)' }).finite({ error: 'a finite number' }),
        unit: z.string({ error: 'a unit such as % or 万亩' }).optional(),
        note: z.string({ error: 'text' }).optional(),
      }),
      { error: 'a list of {target, value, unit?}' },
    )
    .default([]),
  reportingUnit: text('the name of the reporting unit'),
  reportedOn: date.optional(),
});

const headerSchema = strict({
  document: text('the slug of a document in content/documents'),
  // YAML reads `period: 2019` as a number.
  period: z.union([z.string(), z.number().int()], { error: 'a period id: 2019, 2019-Q3 or 2019-07' }).transform(String),
  source: sourceSchema,
  reportedOn: date.optional(),
  reports: z.array(z.unknown(), { error: 'a list of reports' }),
});

type Entry = z.infer<typeof entrySchema>;
type Source = z.infer<typeof sourceSchema>;

// ---------- shared checking of parsed files ----------

/** Where a field of the file sits: YAML node line, or the CSV row line. */
type Locate = (path: (string | number)[]) => number | null;

const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function zodErrors(file: string, issues: z.core.$ZodIssue[], raw: unknown, prefix: (string | number)[], locate: Locate): SourceError[] {
  const out: SourceError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(new SourceError({ file, line: locate([...path, key]), field: fieldPath([...path, key]) }, `unknown field "${key}"`, issue.message));
      }
      continue;
    }
    const value = valueAt(raw, issue.path);
    const problem = value === undefined ? 'missing' : `invalid value ${show(value)}`;
    out.push(new SourceError({ file, line: locate(path), field: fieldPath(path) }, problem, issue.message));
  }
  return out;
}

interface Header {
  document: string;
  period: string;
  source: Source;
  reportedOn?: string;
}

interface Context {
  cache: ParseCache;
  docs: Map<string, Document>;
  tasksByDoc: Map<string, Map<string, Task>>;
  /** `${taskId}@${periodId}` → where it was first reported. */
  seen: Map<string, { file: string; line: number | null }>;
  errors: SourceError[];
  reports: StatusReport[];
}

function listSome(items: string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}

/** Checks document and period of a file against the documents and the file's own place; null when unusable. */
function checkHeader(
  ctx: Context,
  file: string,
  header: Header,
  where: { document: number | null; period: number | null },
): { doc: Document; period: Period } | null {
  const folder = basename(dirname(file));
  const stem = basename(file, extname(file));
  const err = (line: number | null, field: string, problem: string, expected: string) =>
    ctx.errors.push(new SourceError({ file, line, field }, problem, expected));

  const doc = ctx.docs.get(header.document);
  if (!doc) {
    err(where.document, 'document', `unknown document "${header.document}"`, `the slug of a document in content/documents: ${listSome([...ctx.docs.keys()])}`);
  } else if (folder !== header.document) {
    err(where.document, 'document', `the file is in folder "${folder}" but names document "${header.document}"`, `the file in content/status/${header.document}/`);
  }

  let period: Period | null = null;
  try {
    period = parsePeriod(header.period);
  } catch {
    err(where.period, 'period', `not a period: "${header.period}"`, 'a year (2019), a quarter (2019-Q3) or a month (2019-07)');
  }
  if (period && stem !== period.id) {
    err(where.period, 'period', `the file is named "${basename(file)}" but names period "${period.id}"`, `the file named ${period.id}${extname(file)} (one file per document and period)`);
  }
  if (!doc || !period) return null;

  const kind = periodKindFor(doc.meta.reporting);
  if (period.kind !== kind) {
    err(where.period, 'period', `period "${period.id}" is a ${period.kind}, but document ${doc.slug} reports ${doc.meta.reporting}`, `a ${kind} such as ${examplePeriodId(kind, Number(doc.meta.span.start.slice(0, 4)))}`);
    return null;
  }
  if (!periodOverlaps(period, doc.meta.span)) {
    err(where.period, 'period', `period "${period.id}" (${period.start}…${period.end}) lies outside the span of document ${doc.slug}`, `a period within ${doc.meta.span.start}…${doc.meta.span.end}`);
    return null;
  }
  return { doc, period };
}

/** Checks one parsed entry and adds it to the reports. */
function checkEntry(
  ctx: Context,
  file: string,
  target: { doc: Document; period: Period },
  header: Header,
  entry: Entry,
  line: number | null,
  field: (name: string) => string,
  locate: (sub: (string | number)[]) => number | null,
): void {
  const { doc, period } = target;
  const before = ctx.errors.length;
  // The line is looked up only for an error: one a cached parse did not keep costs a full parse of the file.
  const err = (at: (string | number)[], f: string, problem: string, expected: string) =>
    ctx.errors.push(new SourceError({ file, line: locate(at) ?? line, field: field(f) }, problem, expected));

  const tasks = ctx.tasksByDoc.get(doc.slug)!;
  const task = tasks.get(entry.task);
  if (!task) {
    const ids = [...tasks.keys()];
    const guess = tasks.has(`t${entry.task}`) ? ` (did you mean t${entry.task}?)` : '';
    err(['task'], 'task', `unknown task "${entry.task}"${guess}`, ids.length ? `a task id of document ${doc.slug} such as ${ids[0]}…${ids[ids.length - 1]}` : `a task of document ${doc.slug}, which has none`);
  }

  const reportedOn = entry.reportedOn ?? header.reportedOn;
  if (!reportedOn) {
    err(['reportedOn'], 'reportedOn', 'missing report date', 'a real date YYYY-MM-DD on the entry or at the top of the file');
  } else if (reportedOn < period.start) {
    err(['reportedOn'], 'reportedOn', `report date ${reportedOn} is before period ${period.id} starts`, `a date on or after ${period.start}`);
  }

  if (task) {
    const seenTargets = new Set<number>();
    entry.indicators.forEach((ind, i) => {
      const at = ['indicators', i, 'target'];
      if (ind.target >= task.targets.length) {
        const expected = task.targets.length
          ? `a target index 0…${task.targets.length - 1} of task ${task.localId} (${listSome(task.targets.map((t, j) => `${j}: ${t.text}`), 4)})`
          : `no indicators: task ${task.localId} states no targets`;
        err(at, `indicators[${i}].target`, `target ${ind.target} does not exist`, expected);
      } else if (seenTargets.has(ind.target)) {
        err(at, `indicators[${i}].target`, `target ${ind.target} given twice`, 'one value per target');
      }
      seenTargets.add(ind.target);
    });

    const key = `${task.id}@${period.id}`;
    const first = ctx.seen.get(key);
    if (first) {
      err(['task'], 'task', `task ${task.localId} is reported twice for ${period.id} (first at ${first.file}${first.line ? ` line ${first.line}` : ''})`, 'one report per task and period');
    } else {
      ctx.seen.set(key, { file, line });
    }
  }

  if (ctx.errors.length > before || !task || !reportedOn) return;
  ctx.reports.push({
    taskId: task.id,
    period,
    status: entry.status,
    progress: entry.progress,
    evidence: entry.evidence,
    indicators: entry.indicators.map((i) => ({ target: i.target, value: i.value, ...(i.unit !== undefined ? { unit: i.unit } : {}), ...(i.note !== undefined ? { note: i.note } : {}) })),
    reportingUnit: entry.reportingUnit,
    reportedOn,
    source: header.source === 'demo' ? 'demo' : { title: header.source.title, ...(header.source.url ? { url: header.source.url } : {}) },
    file,
    line: line ?? 1,
  });
}

// ---------- YAML ----------

/** What a parse of a status YAML file gives: the data, and the lines every valid file needs. */
interface ParsedYaml {
  raw: unknown;
  /** Line of ['document'], ['period'] and each ['reports', i], by path joined with "/". */
  lines: Record<string, number | null>;
}

const COMMON_PATHS = (raw: unknown): (string | number)[][] => {
  const entries = raw && typeof raw === 'object' ? (raw as { reports?: unknown }).reports : undefined;
  return [['document'], ['period'], ...(Array.isArray(entries) ? entries.map((_, i) => ['reports', i]) : [])];
};

function loadYaml(ctx: Context, abs: string, file: string): void {
  const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  const key = ctx.cache.key('status-yaml', text);
  // The parse with positions: for every miss, and for any line a cached parse did not keep.
  let full: YamlText | null = null;
  const parseFull = () => (full ??= parseYamlSource(file, text).yaml);
  let parsed = ctx.cache.get<ParsedYaml>(key);
  if (!parsed) {
    let yaml: YamlText;
    try {
      yaml = parseFull();
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      ctx.errors.push(e); // a syntax error: nothing else of the file can be checked
      return;
    }
    parsed = { raw: yaml.data, lines: Object.fromEntries(COMMON_PATHS(yaml.data).map((p) => [p.join('/'), yaml.lineAt(p)])) };
    ctx.cache.set(key, parsed);
  }
  const { raw, lines } = parsed;
  // Only a file that parsed is cached, so a cached one parses again here.
  const locate: Locate = (path) => lines[path.join('/')] ?? parseFull().lineAt(path);
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    ctx.errors.push(new SourceError({ file, line: 1 }, 'not a mapping', 'document, period, source, reportedOn and reports'));
    return;
  }
  const head = headerSchema.safeParse(raw);
  if (!head.success) ctx.errors.push(...zodErrors(file, head.error.issues, raw, [], locate));
  const header: Header | null = head.success ? head.data : null;
  const target = header && checkHeader(ctx, file, header, { document: locate(['document']), period: locate(['period']) });
  // Entries are checked even when the top of the file is wrong, so that one run lists every problem.
  const entries = (raw as { reports?: unknown }).reports;
  (Array.isArray(entries) ? entries : []).forEach((rawEntry, i) => {
    const parsed = entrySchema.safeParse(rawEntry);
    if (!parsed.success) {
      ctx.errors.push(...zodErrors(file, parsed.error.issues, rawEntry, ['reports', i], locate));
      return;
    }
    if (!target || !header) return;
    checkEntry(ctx, file, target, header, parsed.data, locate(['reports', i]), (f) => `reports[${i}].${f}`, (sub) => locate(['reports', i, ...sub]));
  });
}

// ---------- CSV ----------

export const CSV_COLUMNS = ['document', 'period', 'task', 'status', 'progress', 'evidence', 'indicators', 'reportingUnit', 'reportedOn', 'source'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['document', 'period', 'task', 'status', 'reportingUnit', 'reportedOn', 'source'];

/** Chinese headers officials may keep in their spreadsheets. */
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

/**
 * Spreadsheets save CSV as UTF-8 (often with a BOM) or, on Chinese Windows, as GB18030 (GBK).
 * UTF-8 is tried first because GB18030 decodes almost any byte sequence; NUL bytes mean a binary file
 * (an .xlsx renamed, or UTF-16 "Unicode text"), which neither encoding should swallow.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.includes(0)) throw new Error('binary file (NUL bytes)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new Error('neither UTF-8 nor GB18030 text');
  }
}

/** Splits "a;b；c" on ASCII or full-width semicolons, dropping empty items. */
const splitItems = (s: string) => s.split(/[;；]/).map((x) => x.trim()).filter(Boolean);

type CellParse<T> = { value: T } | { error: { field: string; problem: string; expected: string } };

function parseEvidenceCell(cell: string): CellParse<{ title: string; url: string }[]> {
  const items = splitItems(cell);
  const out: { title: string; url: string }[] = [];
  for (const [i, item] of items.entries()) {
    const bar = item.lastIndexOf('|');
    if (bar < 0) return { error: { field: `evidence[${i}]`, problem: `no "|" in "${item}"`, expected: 'items "title|url" separated by ";"' } };
    out.push({ title: item.slice(0, bar).trim(), url: item.slice(bar + 1).trim() });
  }
  return { value: out };
}

function parseIndicatorsCell(cell: string): CellParse<{ target: number; value: number; unit?: string }[]> {
  const out: { target: number; value: number; unit?: string }[] = [];
  for (const [i, item] of splitItems(cell).entries()) {
    const m = /^(\d+)\s*[=＝]\s*(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(item);
    if (!m) return { error: { field: `indicators[${i}]`, problem: `cannot read "${item}"`, expected: 'items "targetIndex=value" (e.g. 0=38.5) separated by ";"' } };
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

function loadCsv(ctx: Context, abs: string, file: string): void {
  let text: string;
  try {
    text = decodeCsv(readFileSync(abs)).text;
  } catch (e) {
    ctx.errors.push(new SourceError({ file, line: null }, `cannot read the CSV: ${(e as Error).message}`, 'a CSV text file in UTF-8 or GB18030 (save from the spreadsheet as “CSV UTF-8” or “CSV”)'));
    return;
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows = csvRows(text);
  const headerRow = rows.shift();
  if (!headerRow) {
    ctx.errors.push(new SourceError({ file, line: 1 }, 'empty file', `a header row with the columns ${CSV_COLUMNS.join(', ')}`));
    return;
  }
  const columns: (CsvColumn | null)[] = headerRow.cells.map((h) => {
    const name = h.trim();
    return (CSV_COLUMNS as readonly string[]).includes(name) ? (name as CsvColumn) : (COLUMN_ALIASES[name] ?? null);
  });
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
      ctx.errors.push(new SourceError({ file, line: headerRow.line, field: h.trim() }, `unknown column "${h.trim()}"`, `only the columns ${CSV_COLUMNS.join(', ')}`));
    }
  });
  for (const col of REQUIRED_COLUMNS) {
    if (!columns.includes(col)) {
      headerOk = false;
      ctx.errors.push(new SourceError({ file, line: headerRow.line, field: col }, `missing column "${col}"`, `the columns ${CSV_COLUMNS.join(', ')}`));
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
      ctx.errors.push(new SourceError({ file, line: row.line }, `${row.cells.length} cells but ${columns.length} columns`, 'one cell per header column (quote cells that contain commas)'));
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
      ctx.errors.push(new SourceError({ file, line: row.line, field: 'source' }, `${what[kind]} data in a file whose earlier rows are ${what[fileKind]}`, 'all rows of a file either demo or from an official disclosure, never mixed'));
      continue;
    }
    fileKind ??= kind;

    const hk = `${header.document}|${header.period}`;
    if (!checkedHeaders.has(hk)) {
      if (checkedHeaders.size > 0) {
        const [firstDoc, firstPeriod] = [...checkedHeaders.keys()][0].split('|');
        ctx.errors.push(new SourceError({ file, line: row.line, field: header.document !== firstDoc ? 'document' : 'period' }, `row for ${header.document} ${header.period} in a file for ${firstDoc} ${firstPeriod}`, 'one file per document and period'));
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
    const parsed = entrySchema.safeParse(rawEntry);
    if (!parsed.success) {
      ctx.errors.push(...zodErrors(file, parsed.error.issues, rawEntry, [], locate));
      continue;
    }
    if (!target || cellError) continue;
    checkEntry(ctx, file, target, header, parsed.data, row.line, (f) => f, () => row.line);
  }
}

// ---------- the folder ----------

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...walk(abs));
    else out.push(abs);
  }
  return out;
}

/**
 * Reads every status file under `dir` and validates it against `documents`.
 * Returns the reports in file order; throws SourceErrors listing every problem found.
 * A missing folder means no status data yet, not an error.
 */
export function loadStatusReports(dir: string, documents: Document[], cache: ParseCache = NO_PARSE_CACHE): StatusReport[] {
  const root = resolve(dir);
  if (!existsSync(root)) return [];
  const ctx: Context = {
    cache,
    docs: new Map(documents.map((d) => [d.slug, d])),
    tasksByDoc: new Map(documents.map((d) => [d.slug, new Map(d.tasks.map((t) => [t.localId, t]))])),
    seen: new Map(),
    errors: [],
    reports: [],
  };
  const periodFiles = new Map<string, string>();
  for (const abs of walk(root)) {
    const file = displayPath(abs);
    const ext = extname(abs).toLowerCase();
    const stemKey = join(dirname(abs), basename(abs, extname(abs)));
    if (['.yaml', '.yml', '.csv'].includes(ext)) {
      const other = periodFiles.get(stemKey);
      if (other) {
        ctx.errors.push(new SourceError({ file }, `a second file for the same document and period as ${other}`, 'one file per document and period'));
        continue;
      }
      periodFiles.set(stemKey, file);
    }
    if (ext === '.yaml' || ext === '.yml') loadYaml(ctx, abs, file);
    else if (ext === '.csv') loadCsv(ctx, abs, file);
    else if (ext === '.md') continue; // notes for maintainers
    else ctx.errors.push(new SourceError({ file }, `unexpected file type "${ext || basename(abs)}"`, 'status files <document>/<period>.yaml or .csv'));
  }
  if (ctx.errors.length) throw new SourceErrors(ctx.errors);
  return ctx.reports;
}

/** True when any report is demonstration data. */
export const hasDemo = (reports: StatusReport[]) => reports.some((r) => r.source === 'demo');
