// Status reports as rows of a table: the columns a status CSV, a filled reporting template (XLSX or CSV) and
// the site's own /data/reports.csv have, under their English names or Chinese headers (in traditional
// characters too), and the forms their cells come in: task numbers as the document writes them (（一）,
// 1., 第三条), dates as spreadsheets write them (2019/1/15, Excel serials), periods as people do
// (2018年第四季度), evidence as "title|url" or "title url", indicators as "0=12.5万亩" or "0:12.5万亩（note）".
// One table for the status loader (csv.ts), the import command and the templates (src/outputs/templates/),
// so what one writes the others read.
import { readDate } from '../../domain/dates';
import { readPeriod } from '../../domain/periods';
import type { Document, Task } from '../../domain/types';
import { simplifiedWord } from '../traditional';

/** The fields a row carries. `sourceTitle`, `sourceUrl` and `demo` are the export's spelling of `source`. */
export const ROW_FIELDS = [
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
  'sourceTitle',
  'sourceUrl',
  'demo',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The columns of a status CSV as documented (content/status/README.md): English name and Chinese header. */
export const STATUS_COLUMNS: readonly { field: RowField; name: string; header: string }[] = [
  { field: 'document', name: 'document', header: '文件' },
  { field: 'period', name: 'period', header: '报告期' },
  { field: 'task', name: 'task', header: '任务' },
  { field: 'status', name: 'status', header: '状态' },
  { field: 'progress', name: 'progress', header: '进展情况' },
  { field: 'evidence', name: 'evidence', header: '佐证资料' },
  { field: 'indicators', name: 'indicators', header: '指标' },
  { field: 'reportingUnit', name: 'reportingUnit', header: '报告单位' },
  { field: 'reportedOn', name: 'reportedOn', header: '报告日期' },
  { field: 'source', name: 'source', header: '来源' },
];

/** Every name a column of a field goes by: its own, the export's (/data/reports.csv), Chinese headers. */
const FIELD_NAMES: Record<RowField, readonly string[]> = {
  document: ['document', 'documentSlug', '文件', '文件编号'],
  period: ['period', 'periodId', '报告期编号', '报告期'],
  task: ['task', 'taskId', '任务编号', '任务', '任务序号'],
  status: ['status', '状态', '进展状态'],
  progress: ['progress', '进展情况'],
  evidence: ['evidence', '佐证资料', '佐证材料'],
  indicators: ['indicators', '指标', '指标完成值'],
  reportingUnit: ['reportingUnit', '报告单位', '报送单位'],
  reportedOn: ['reportedOn', '报告日期', '报送日期'],
  source: ['source', '来源'],
  sourceTitle: ['sourceTitle', '来源标题'],
  sourceUrl: ['sourceUrl', '来源网址'],
  demo: ['demo', '示例数据'],
};

/**
 * Columns that help whoever fills a table in and are not read: the templates' 任务名称, the export's
 * descriptive columns (taskUrl, periodLabel …, file, line), and columns of notes (备注…, 说明…).
 */
export const HELPER_COLUMNS: readonly string[] = [
  'title',
  '任务名称',
  '任务标题',
  '任务内容',
  '牵头单位',
  '责任单位',
  '完成时限',
  '序号',
  'taskUrl',
  'periodLabel',
  'periodStart',
  'periodEnd',
  'notice',
  'file',
  'line',
  // the same, as /data/reports.csv heads them
  '任务网址',
  '报告期开始',
  '报告期结束',
  '示例说明',
  '状态数据文件',
  '行号',
];
const HELPER_PATTERN = /^(备注|说明|注)/;

const BY_NAME = new Map<string, RowField>(
  (Object.entries(FIELD_NAMES) as [RowField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/** What a header cell names: a field, a helper column (null), or nothing known (undefined). */
export function columnOf(cell: string): RowField | null | undefined {
  const name = cell.normalize('NFKC').trim();
  if (name === '') return undefined;
  for (const form of [name, simplifiedWord(name)]) {
    const field = BY_NAME.get(form);
    if (field) return field;
    if (HELPER_COLUMNS.includes(form) || HELPER_PATTERN.test(form)) return null;
  }
  return undefined;
}

/** The names a message lists as known. */
export const KNOWN_COLUMNS = `${STATUS_COLUMNS.map((c) => c.name).join(', ')} (or their Chinese headers ${STATUS_COLUMNS.map((c) => c.header).join('、')}; the columns of /data/reports.csv; helper columns such as 任务名称 or 备注 are ignored)`;

/** A cell as written, with the apostrophe a spreadsheet or the export puts before text that looks like a formula taken off. */
export function cellText(cell: string | undefined): string {
  if (cell === undefined) return '';
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Splits "a;b；c" on ASCII or full-width semicolons, dropping empty items. */
const splitItems = (s: string) =>
  s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

export type CellParse<T> = { value: T } | { error: { field: string; problem: string; expected: string } };

const URL_AT_END = /^(.*?)\s+((?:https?:\/\/|\/)\S*)$/i;

/** Evidence links: "title|url" or "title url" (as /data/reports.csv writes them), separated by ";" or "；". */
export function readEvidence(cell: string): CellParse<{ title: string; url: string }[]> {
  const out: { title: string; url: string }[] = [];
  for (const [i, item] of splitItems(cell).entries()) {
    const bar = item.lastIndexOf('|');
    if (bar >= 0) {
      out.push({ title: item.slice(0, bar).trim(), url: item.slice(bar + 1).trim() });
      continue;
    }
    const spaced = URL_AT_END.exec(item);
    if (spaced) {
      out.push({ title: spaced[1].trim(), url: spaced[2] });
      continue;
    }
    return {
      error: {
        field: `evidence[${i}]`,
        problem: `cannot read "${item}"`,
        expected: 'items "title|url" (or "title url") separated by ";"',
      },
    };
  }
  return { value: out };
}

type IndicatorCell = { target: number; value: number; unit?: string; note?: string };

/** Indicator values: "0=12.5万亩" or "0:12.5万亩（note）" (as /data/reports.csv writes them), separated by ";" or "；". */
export function readIndicators(cell: string): CellParse<IndicatorCell[]> {
  const out: IndicatorCell[] = [];
  for (const [i, item] of splitItems(cell).entries()) {
    const m = /^(\d+)\s*[=＝:：]\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*?)\s*(?:（(.*)）)?$/is.exec(item);
    if (!m)
      return {
        error: {
          field: `indicators[${i}]`,
          problem: `cannot read "${item}"`,
          expected: 'items "targetIndex=value" (e.g. 0=38.5 or 0=1.3万亩) separated by ";"',
        },
      };
    out.push({
      target: Number(m[1]),
      value: Number(m[2]),
      ...(m[3].trim() ? { unit: m[3].trim() } : {}),
      ...(m[4] !== undefined ? { note: m[4] } : {}),
    });
  }
  return { value: out };
}

const TRUE = /^(true|1|是|yes)$/i;

/**
 * The source of a row: `source` ("demo", "title|url", "title url", or a title), else the export's
 * `demo`, `sourceTitle` and `sourceUrl`. Undefined when the row gives none (reported as missing).
 */
export function readSource(cells: Partial<Record<RowField, string>>): unknown {
  const s = cellText(cells.source).trim();
  if (s === 'demo') return 'demo';
  if (s !== '') {
    const bar = s.lastIndexOf('|');
    if (bar >= 0) return { title: s.slice(0, bar).trim(), url: s.slice(bar + 1).trim() };
    const spaced = URL_AT_END.exec(s);
    return spaced ? { title: spaced[1].trim(), url: spaced[2] } : { title: s };
  }
  if (TRUE.test(cellText(cells.demo).trim())) return 'demo';
  const title = cellText(cells.sourceTitle).trim();
  const url = cellText(cells.sourceUrl).trim();
  if (title || url) return { title, ...(url ? { url } : {}) };
  return undefined;
}

/** A period cell → its id (2018年第四季度 → 2018-Q4), or the text as written when it is none (reported then). */
export const periodCell = (cell: string): string => readPeriod(cell.trim()) ?? cell.trim();

/** A date cell → YYYY-MM-DD (2019/1/15, an Excel serial …), or the text as written when it is none (reported then). */
export const dateCell = (cell: string): string => readDate(cell.trim()) ?? cell.trim();

// ---------------------------------------------------------------- task numbers

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十四 → 14, 二十 → 20, 一百零二 → 102; null for anything else. */
function chineseNumber(s: string): number | null {
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CHINESE_DIGITS[ch];
  }
  return total + digit;
}

/** A task number without its punctuation: （一） → 一, 1. → 1, 第三条 → 三, 一、 → 一, (1) → 1. */
export function bareTaskNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^第(.+)[条项]$/, '$1')
    .replace(/^[(（〔【[]+|[)）〕】\]]+$/g, '')
    .replace(/[、.．,，:：]+$/, '');
}

/** The three ways a task reference is compared, strictest first. */
const refKeys = (text: string): string[] => {
  const exact = text.normalize('NFKC').trim();
  const bare = bareTaskNumber(text);
  const number = chineseNumber(bare);
  return [exact, bare, number === null ? bare : String(number)];
};

/** A document's tasks by every way a row may name them: id, local id, number as written, number. */
export interface TaskIndex {
  slug: string;
  levels: Map<string, Task[]>[];
}

const TASK_INDEXES = new WeakMap<Document, TaskIndex>();

export function taskIndex(doc: Document): TaskIndex {
  let ix = TASK_INDEXES.get(doc);
  if (ix) return ix;
  const levels = [new Map<string, Task[]>(), new Map<string, Task[]>(), new Map<string, Task[]>()];
  const add = (level: number, key: string, task: Task) => {
    if (key === '') return;
    const list = levels[level].get(key) ?? [];
    if (!list.includes(task)) list.push(task);
    levels[level].set(key, list);
  };
  for (const task of doc.tasks) {
    add(0, task.localId, task);
    add(0, task.id, task);
    for (const form of [task.marker, task.number]) refKeys(form).forEach((k, level) => add(level, k, task));
  }
  ix = { slug: doc.slug, levels };
  TASK_INDEXES.set(doc, ix);
  return ix;
}

export type TaskRef = { task: Task } | { ambiguous: Task[] } | { unknown: true };

/**
 * The task a cell names: its local id (t12), its id (doc/t12), or its number as the document writes it
 * ((一), 1., 第三条, 一) or as a reader cites it (2-3). A number two tasks share is ambiguous.
 */
export function findTask(ix: TaskIndex, cell: string): TaskRef {
  const text = cell.trim();
  const own = text.startsWith(`${ix.slug}/`) ? text.slice(ix.slug.length + 1) : text;
  const keys = refKeys(own);
  for (let level = 0; level < ix.levels.length; level++) {
    const hits = ix.levels[level].get(keys[level]) ?? (level === 0 ? ix.levels[0].get(own) : undefined);
    if (hits?.length === 1) return { task: hits[0] };
    if (hits && hits.length > 1) return { ambiguous: hits };
  }
  return { unknown: true };
}

/** How a template names a task: its number as written when that names it alone, else its cited number, else its id. */
export function taskLabel(doc: Document, task: Task): string {
  const ix = taskIndex(doc);
  for (const form of [task.marker, task.number]) {
    if (form === '') continue;
    const hit = findTask(ix, form);
    if ('task' in hit && hit.task === task) return form;
  }
  return task.localId;
}

/**
 * A field named by several columns under different names (the export's 报告期编号 beside its
 * 报告期, 任务编号 beside 任务序号): the name listed first in FIELD_NAMES is read, the others are
 * helper columns. The same name twice stays a duplicate, which the caller reports.
 */
export function preferExactColumns(cells: readonly string[], columns: (RowField | null)[]): (RowField | null)[] {
  const rank = (i: number) => {
    const name = cells[i].normalize('NFKC').trim();
    const names = FIELD_NAMES[columns[i]!];
    const at = names.indexOf(name);
    return at >= 0 ? at : names.indexOf(simplifiedWord(name));
  };
  const out = [...columns];
  for (const field of new Set(columns.filter((c): c is RowField => c !== null))) {
    const at = columns.flatMap((c, i) => (c === field ? [i] : []));
    const names = new Set(at.map((i) => cells[i].normalize('NFKC').trim()));
    if (at.length < 2 || names.size !== at.length) continue;
    const best = at.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    for (const i of at) if (i !== best) out[i] = null;
  }
  return out;
}
