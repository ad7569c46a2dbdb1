// 本期变化: what changed in each task's latest period against the one before. Pure: task views in, a
// list of changes out. Every timeline runs to the period that holds the build date (src/domain/periods.ts
// timelineEnd), so "the latest period" of a running plan is the current one, and of an ended plan the one
// after its end. Documents report on their own cadence, so a region or a department can hold several
// comparisons (2026年 与 2025年相比; 2026年第四季度 与 2026年第三季度相比): each change names its own.
//
// Nothing here reads the build date: the timelines already hold what it decides (src/portal/reads.ts).
//
// A task makes at most two changes: one for its status word (newly complete, newly 未报告, moved up or
// down a progress step, reported again after a gap, or a word of the same step) and one for newly 已逾期.
import { finalDeadline } from '../domain/derive-status';
import { comparePeriods } from '../domain/periods';
import { isComplete, isVerifiedClosed, progressStep, STATUS, type Status } from '../domain/status-catalogue';
import type { Period, StatusAt } from '../domain/types';
import { memoWithReads } from './reads';
import type { TaskView } from './types';

export type ChangeKind = 'completed' | 'overdue' | 'unreported' | 'down' | 'up' | 'resumed' | 'other';

export interface ChangeKindInfo {
  kind: ChangeKind;
  /** Heading on the changes page and in the feeds. */
  label: string;
  /** One sentence under the heading. */
  description: string;
}

/** The kinds in the order pages list them: what a reader should see first comes first. */
export const CHANGE_KINDS: readonly ChangeKindInfo[] = [
  {
    kind: 'completed',
    label: `新完成（${STATUS.done}/${STATUS.closed}）`,
    description: `本期首次报告“${STATUS.done}”或“${STATUS.closed}”的任务，或由“${STATUS.done}”核验为“${STATUS.closed}”。`,
  },
  {
    kind: 'overdue',
    label: `新增${STATUS.overdue}`,
    description: `上期尚未逾期、本期${STATUS.overdue}的任务：最终完成时限已过，而未报告完成。`,
  },
  {
    kind: 'unreported',
    label: `新增${STATUS.unreported}`,
    description: `上期有报告、本期没有报告的任务（上期已销号的任务无需再报告，不计入）。`,
  },
  { kind: 'down', label: '进度后退', description: `本期报告的进度低于上期，例如由“${STATUS.onTrack}”变为“${STATUS.behind}”。` },
  { kind: 'up', label: '进度提升', description: `本期报告的进度高于上期（尚未完成），例如由“${STATUS.behind}”变为“${STATUS.onTrack}”。` },
  { kind: 'resumed', label: '恢复报告', description: `上期${STATUS.unreported}、本期有报告的任务（含首次报告）。` },
  {
    kind: 'other',
    label: '其他变化',
    description: `本期报告的状态与上期不同，但进度相当，例如由“${STATUS.onTrack}”变为“${STATUS.standing}”。`,
  },
];

const KIND_INFO = new Map(CHANGE_KINDS.map((k) => [k.kind, k]));
export const changeKindInfo = (kind: ChangeKind): ChangeKindInfo => KIND_INFO.get(kind)!;

/** A status as shown in one period: the word and the 已逾期 flag. */
export interface StatusState {
  status: Status;
  overdue: boolean;
}

export interface TaskChange {
  view: TaskView;
  kind: ChangeKind;
  from: StatusState;
  to: StatusState;
  /** The latest period of the task's document, and the one before it. */
  period: Period;
  previousPeriod: Period;
  /** YYYY-MM-DD the change took effect: the report date, the day after the deadline (已逾期) or the period's start (未报告). */
  since: string;
  /** The latest period's status is demonstration data (its report says so, or 未报告 in a demo data set). */
  demo: boolean;
}

const stateOf = (at: StatusAt): StatusState => ({ status: at.status, overdue: at.overdue });

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The kind of change of a status word from one period to the next, or null when the word stayed.
 * `lastKnown` is the latest status reported before the later period (it differs from `from` when the
 * earlier period went unreported): a task reported 已完成, then silent, then 已完成 again is reporting
 * again, not newly complete.
 */
export function statusChangeKind(from: Status, to: Status, lastKnown: Status | null = from): ChangeKind | null {
  if (from === to) return null;
  // A task verified and closed (已销号) has nothing more to report: its silence is not news.
  if (to === STATUS.unreported) return isVerifiedClosed(from) ? null : 'unreported';
  const stepTo = progressStep(to) ?? 0;
  if (from === STATUS.unreported) {
    const before = lastKnown === null || lastKnown === STATUS.unreported ? null : progressStep(lastKnown);
    return isComplete(to) && (before === null || before < stepTo) ? 'completed' : 'resumed';
  }
  const stepFrom = progressStep(from) ?? 0;
  if (stepTo > stepFrom) return isComplete(to) ? 'completed' : 'up';
  if (stepTo < stepFrom) return 'down';
  return 'other';
}

/** The changes of one task between the last two periods of its timeline; none when it has fewer than two. */
export function taskLatestChanges(view: TaskView): TaskChange[] {
  const timeline = view.timeline;
  if (timeline.length < 2) return [];
  const to = timeline[timeline.length - 1];
  const from = timeline[timeline.length - 2];
  const lastKnown = [...timeline.slice(0, -1)].reverse().find((at) => at.report)?.status ?? null;
  const demo = to.report ? to.report.source === 'demo' : view.demo;
  const base = { view, from: stateOf(from), to: stateOf(to), period: to.period, previousPeriod: from.period, demo };
  const out: TaskChange[] = [];
  const kind = statusChangeKind(from.status, to.status, lastKnown);
  if (kind) out.push({ ...base, kind, since: to.report ? to.report.reportedOn : to.period.start });
  if (to.overdue && !from.overdue) {
    const deadline = finalDeadline(view.task, view.document.meta.span.end);
    out.push({ ...base, kind: 'overdue', since: deadline ? later(to.period.start, dayAfter(deadline)) : to.period.start });
  }
  return out;
}

/** Per-task changes, computed once per build; a use replays the task's status read (src/portal/reads.ts). */
const changesOfTask = memoWithReads((v: TaskView) => taskLatestChanges(v));

/** One pair of periods compared, e.g. 2026年第四季度 with 2026年第三季度, and how many tasks it covers. */
export interface Comparison {
  period: Period;
  previousPeriod: Period;
  /** Tasks compared across this pair (changed or not). */
  tasks: number;
  /** Tasks with at least one change. */
  changed: number;
  /**
   * The later period starts after the end of the plans compared (their span): the last period of ended
   * plans, shown until they are done, not a current one. Told from the documents, not from the build
   * date, so that a page of changes re-renders only when a status changes (src/build/page-cache/).
   */
  ended: boolean;
}

export interface ChangeGroup extends ChangeKindInfo {
  changes: TaskChange[];
}

export interface PeriodChanges {
  /** Every change, in the order of CHANGE_KINDS, then the newest period first, then the order of the tasks given. */
  changes: TaskChange[];
  /** The kinds with at least one change, in the order of CHANGE_KINDS. */
  groups: ChangeGroup[];
  /** The pairs of periods compared, the newest first. */
  comparisons: Comparison[];
  /** Tasks given that have fewer than two periods: nothing to compare yet. */
  uncompared: number;
  /** Any change shown is demonstration data. */
  demo: boolean;
}

const pairKey = (later: Period, earlier: Period) => `${later.id}|${earlier.id}`;

/** The latest changes of the given tasks (a document's, a region's, a department's), each task once. */
export function periodChanges(views: Iterable<TaskView>): PeriodChanges {
  const seen = new Set<string>();
  const changes: TaskChange[] = [];
  const pairs = new Map<string, Comparison>();
  let uncompared = 0;
  for (const v of views) {
    if (seen.has(v.task.id)) continue;
    seen.add(v.task.id);
    const timeline = v.timeline;
    if (timeline.length < 2) {
      uncompared++;
      continue;
    }
    const period = timeline[timeline.length - 1].period;
    const previousPeriod = timeline[timeline.length - 2].period;
    const key = pairKey(period, previousPeriod);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { period, previousPeriod, tasks: 0, changed: 0, ended: true };
      pairs.set(key, pair);
    }
    pair.tasks++;
    if (period.start <= v.document.meta.span.end) pair.ended = false;
    const own = changesOfTask(v);
    if (own.length) pair.changed++;
    changes.push(...own);
  }
  const order = new Map(CHANGE_KINDS.map((k, i) => [k.kind, i]));
  // Stable: equal kind and period keep the order of the tasks given (document order).
  changes.sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || comparePeriods(b.period, a.period));
  const groups = CHANGE_KINDS.map((info) => ({ ...info, changes: changes.filter((c) => c.kind === info.kind) })).filter(
    (g) => g.changes.length > 0,
  );
  const comparisons = [...pairs.values()].sort(
    (a, b) => comparePeriods(b.period, a.period) || comparePeriods(b.previousPeriod, a.previousPeriod),
  );
  return { changes, groups, comparisons, uncompared, demo: changes.some((c) => c.demo) };
}

/** "2026年第四季度 与 2026年第三季度相比" */
export const comparisonLabel = (c: Pick<Comparison, 'period' | 'previousPeriod'>) => `${c.period.label} 与 ${c.previousPeriod.label}相比`;

/** A status as one phrase: 未达到序时进度（已逾期）. */
export const stateLabel = (s: StatusState) => (s.overdue && s.status !== STATUS.overdue ? `${s.status}（${STATUS.overdue}）` : s.status);
