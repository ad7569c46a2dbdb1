// The status catalogue: every status word the portal knows, in display order, with what it means,
// how it looks on screen, in 高对比度 mode and on paper, and whether it stops the overdue clock.
// Legends, palettes, CSS, the data schemas, the PDF tables and the methodology page are all made from
// this list, so a new status word is one entry here plus its methodology sentence. This is the only
// module that writes a status word as a literal: code that means one status names it through STATUS.
//
// Colour meaning: grey = not started, amber = behind, blue/teal = on or ahead of schedule, green =
// done (dark green = verified closed), purple = standing, dashed = no report, red = overdue. Colour is
// never the only signal: every badge and chart carries the word. Rules (tests/portal/palette.test.ts):
// text on its fill ≥ 4.5:1; the visible edge (border, else fill) against the page ≥ 3:1 (WCAG 1.4.11).

/** Each status word by a code name, for code that must mean one status. */
export const STATUS = {
  notStarted: '尚未启动',
  behind: '未达到序时进度',
  onTrack: '达到序时进度',
  ahead: '超过序时进度',
  done: '已完成',
  closed: '已销号',
  standing: '长期坚持',
  unreported: '未报告',
  overdue: '已逾期',
} as const;

export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Words a reporting unit may enter, in display order. */
export const REPORTED_STATUSES = [
  STATUS.notStarted,
  STATUS.behind,
  STATUS.onTrack,
  STATUS.ahead,
  STATUS.done,
  STATUS.closed,
  STATUS.standing,
] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** Computed by the portal, never entered: 未报告 for a period without a report, 已逾期 as a flag on top of a status. */
export const DERIVED_STATUSES = [STATUS.unreported, STATUS.overdue] as const;
export type DerivedStatus = (typeof DERIVED_STATUSES)[number];

/** Every status in display order: the reported words, then the derived ones. */
export const ALL_STATUSES: readonly Status[] = [...REPORTED_STATUSES, ...DERIVED_STATUSES];

export interface StatusSwatch {
  /** Fill of the badge / bar segment. */
  bg: string;
  /** Text on that fill. */
  fg: string;
  /** Outline where the fill alone is too light to see against the page (未报告). */
  border?: string;
  /** Dashed outline: 未报告 is an absence, drawn as one. */
  dashed?: boolean;
}

export interface StatusEntry {
  word: Status;
  /** ASCII name for CSS classes and custom properties: st-<slug>. */
  slug: string;
  /** One sentence for legends, the PDF reports and the methodology page. */
  description: string;
  /** What completion, if any, the word reports: self-reported (已完成) or verified and closed (已销号). */
  completion: 'self-reported' | 'verified' | null;
  /** On the ordinary white page. */
  colours: StatusSwatch;
  /** 高对比度 mode: black page, light fills with black text. */
  highContrast: StatusSwatch;
  /** Where a narrow printed column header may break the word (never inside a word); absent: never broken. */
  printLines?: readonly string[];
}

// One status a line: the table reads as a table.
// prettier-ignore
export const STATUS_CATALOGUE: readonly StatusEntry[] = [
  { word: STATUS.notStarted, slug: 'not-started', description: '责任单位报告尚未开始实施。', completion: null, colours: { bg: '#4b5563', fg: '#ffffff' }, highContrast: { bg: '#d1d5db', fg: '#000000' }, printLines: ['尚未', '启动'] },
  { word: STATUS.behind, slug: 'behind', description: '已开始实施，但进度落后于按时限推算的应有进度。', completion: null, colours: { bg: '#b45309', fg: '#ffffff' }, highContrast: { bg: '#fcd34d', fg: '#000000' }, printLines: ['未达到', '序时', '进度'] },
  { word: STATUS.onTrack, slug: 'on-track', description: '进度与按时限推算的应有进度相当。', completion: null, colours: { bg: '#1d4ed8', fg: '#ffffff' }, highContrast: { bg: '#93c5fd', fg: '#000000' }, printLines: ['达到', '序时', '进度'] },
  { word: STATUS.ahead, slug: 'ahead', description: '进度快于按时限推算的应有进度。', completion: null, colours: { bg: '#0f766e', fg: '#ffffff' }, highContrast: { bg: '#5eead4', fg: '#000000' }, printLines: ['超过', '序时', '进度'] },
  { word: STATUS.done, slug: 'done', description: '责任单位自报已完成（尚未经核验销号）。', completion: 'self-reported', colours: { bg: '#15803d', fg: '#ffffff' }, highContrast: { bg: '#86efac', fg: '#000000' } },
  { word: STATUS.closed, slug: 'closed', description: '经核验确认完成并销号。', completion: 'verified', colours: { bg: '#14532d', fg: '#ffffff' }, highContrast: { bg: '#ffffff', fg: '#000000' } },
  { word: STATUS.standing, slug: 'standing', description: '属于需长期坚持的工作，按常态化推进报告。', completion: null, colours: { bg: '#6d28d9', fg: '#ffffff' }, highContrast: { bg: '#d8b4fe', fg: '#000000' }, printLines: ['长期', '坚持'] },
  { word: STATUS.unreported, slug: 'unreported', description: '派生状态：该报告期没有这项任务的报告。不等于“尚未启动”。', completion: null, colours: { bg: '#f1f5f9', fg: '#334155', border: '#64748b', dashed: true }, highContrast: { bg: '#000000', fg: '#ffffff', border: '#ffffff', dashed: true } },
  { word: STATUS.overdue, slug: 'overdue', description: '派生标记：最终完成时限已过，而截至报告日（无报告时为报告期末）未报告“已完成”或“已销号”。', completion: null, colours: { bg: '#b91c1c', fg: '#ffffff' }, highContrast: { bg: '#fca5a5', fg: '#000000' } },
];

const BY_WORD = new Map(STATUS_CATALOGUE.map((e) => [e.word, e]));

/** The catalogue entry of a status. */
export function statusEntry(status: Status): StatusEntry {
  return BY_WORD.get(status)!;
}

/** A table over every status, in catalogue order. */
export function statusTable<T>(pick: (entry: StatusEntry) => T): Record<Status, T> {
  return Object.fromEntries(STATUS_CATALOGUE.map((e) => [e.word, pick(e)])) as Record<Status, T>;
}

/** One line per status, for legends, reports and the methodology page. */
export const STATUS_DESCRIPTIONS: Record<Status, string> = statusTable((e) => e.description);

/** The statuses a task has exactly one of in a period: every status but the 已逾期 flag. */
export const EXCLUSIVE_STATUSES: readonly Status[] = ALL_STATUSES.filter((s) => s !== STATUS.overdue);

/** 已完成: the unit says it is done (self-reported). */
export const isSelfReportedComplete = (s: Status): boolean => statusEntry(s).completion === 'self-reported';
/** 已销号: verified and closed by whoever checks the rectification. */
export const isVerifiedClosed = (s: Status): boolean => statusEntry(s).completion === 'verified';
/** Either form of completion: what stops the overdue clock. */
export const isComplete = (s: Status): boolean => statusEntry(s).completion !== null;

/**
 * How far along each reported word says a task is, lowest step first: what "moved up" and "moved down"
 * mean on the changes pages (src/portal/changes.ts). 长期坚持 (standing work, reported as proceeding
 * normally) shares the step of 达到序时进度. The derived words have no step: 未报告 says nothing about
 * progress and 已逾期 is a flag on top of a status.
 */
export const PROGRESS_STEPS: readonly (readonly ReportedStatus[])[] = [
  [STATUS.notStarted],
  [STATUS.behind],
  [STATUS.onTrack, STATUS.standing],
  [STATUS.ahead],
  [STATUS.done],
  [STATUS.closed],
];

const STEP_OF = new Map<Status, number>(PROGRESS_STEPS.flatMap((words, step) => words.map((w) => [w, step] as const)));

/** The progress step of a status (0 = 尚未启动 … 5 = 已销号), or null for 未报告 and 已逾期. */
export const progressStep = (s: Status): number | null => STEP_OF.get(s) ?? null;
