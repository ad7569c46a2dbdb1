// Derived statuses: 未报告 and 已逾期 are computed here, never entered. Pure functions; the rules are
// published on src/pages/methodology.mdx, so a change here must change that page too.
import { comparePeriods } from './periods';
import { ALL_STATUSES, isComplete, isSelfReportedComplete, isVerifiedClosed, STATUS } from './status-catalogue';
import type { Period, StatusAt, StatusCounts, StatusReport, Task } from './types';

/**
 * The date by which the task must be done: the latest dated deadline of the task itself, or, when the
 * task states none, the latest of its measures'. A task that states only standing deadlines (长期, 立行立改,
 * 立即启动, 持续推进) has none: it is never overdue. A task that states no deadline at all is due by the
 * end of the plan (`planEnd`, the document's span end: a 年度工作要点 is due by the end of its year);
 * without `planEnd` it is never overdue.
 */
export function finalDeadline(task: Pick<Task, 'deadlines' | 'measures'>, planEnd: string | null = null): string | null {
  const latest = (dates: (string | null)[]) =>
    dates
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const own = latest(task.deadlines.map((d) => d.date));
  if (own) return own;
  const measures = task.measures.flatMap((m) => m.deadlines);
  const fromMeasures = latest(measures.map((d) => d.date));
  if (fromMeasures) return fromMeasures;
  const anyStanding = task.deadlines.length > 0 || measures.length > 0;
  return anyStanding ? null : planEnd;
}

export interface TimelineOptions {
  /** The document's span end (meta.span.end): the deadline of tasks that state none. */
  planEnd?: string | null;
  /**
   * The build date: the last period's overdue check is made as of this day (or the period's end, if
   * earlier), so a deadline that passed after the last report still shows as 已逾期.
   */
  asOf?: string | null;
}

/**
 * 已逾期 as of a date: the final deadline lies before `asOf` (the deadline day itself still counts as on
 * time) and the task is not complete by then.
 */
export function isOverdue(deadline: string | null, completed: boolean, asOf: string): boolean {
  return deadline !== null && !completed && deadline < asOf;
}

/**
 * The status of a task in each period, oldest first. A period without a report is 未报告, and its overdue
 * check uses the period's last day. A completion reported earlier still counts in a later period left
 * unreported; a later report that is not a completion (the unit reopened the task) overrides it.
 */
export function statusTimeline(
  task: Pick<Task, 'id' | 'deadlines' | 'measures'>,
  reports: StatusReport[],
  periods: Period[],
  options: TimelineOptions = {},
): StatusAt[] {
  const own = new Map(reports.filter((r) => r.taskId === task.id).map((r) => [r.period.id, r]));
  const deadline = finalDeadline(task, options.planEnd ?? null);
  const sorted = [...periods].sort(comparePeriods);
  let completed = false;
  let lastReported: Period | null = null;
  return sorted.map((period, i) => {
    const report = own.get(period.id) ?? null;
    if (report) {
      completed = isComplete(report.status);
      lastReported = period;
    }
    let asOf = report ? report.reportedOn : period.end;
    // The latest period is judged as of the build date (or its end, when that came first): silence after
    // the last report does not stop the clock, and a period still running is not judged at its end.
    if (i === sorted.length - 1 && options.asOf) {
      const today = period.end < options.asOf ? period.end : options.asOf;
      asOf = report && report.reportedOn > today ? report.reportedOn : today;
    }
    return {
      period,
      status: report ? report.status : STATUS.unreported,
      overdue: isOverdue(deadline, completed, asOf),
      report,
      lastReported,
    };
  });
}

/**
 * Reports grouped by task id. statusTimeline filters the list it is given, so with thousands of tasks
 * pass each task its own group rather than every report (linear instead of quadratic).
 */
export function groupReportsByTask(reports: StatusReport[]): Map<string, StatusReport[]> {
  const out = new Map<string, StatusReport[]>();
  for (const r of reports) {
    const list = out.get(r.taskId);
    if (list) list.push(r);
    else out.set(r.taskId, [r]);
  }
  return out;
}

/** The status of the latest period, or null when there are no periods. */
export const currentStatus = (timeline: StatusAt[]): StatusAt | null => timeline.at(-1) ?? null;

/**
 * Counts for every status, derived ones included. 已逾期 is a flag on top of a status, so it is counted
 * in addition: a task 未达到序时进度 and overdue adds to both.
 */
export function countStatuses(list: StatusAt[]): StatusCounts {
  const counts = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of list) {
    counts[s.status]++;
    if (s.overdue) counts[STATUS.overdue]++;
  }
  return counts;
}

/** Self-reported completion and verified closure, kept apart as the methodology requires. */
export function completionSummary(list: StatusAt[]): { total: number; selfReported: number; verified: number; reported: number } {
  return {
    total: list.length,
    selfReported: list.filter((s) => isSelfReportedComplete(s.status)).length,
    verified: list.filter((s) => isVerifiedClosed(s.status)).length,
    reported: list.filter((s) => s.status !== STATUS.unreported).length,
  };
}
