// A long silence reads as one line: consecutive periods without a report and with the same shown
// status (未报告, or 已逾期 once the deadline passed) are grouped, so a plan silent since 2018 does
// not fill its task pages with thirty identical rows.
import type { StatusAt } from '../domain/types';

export interface TimelineRun {
  first: StatusAt;
  last: StatusAt;
  /** Periods in the run: 1 for a reported period, which is never grouped. */
  count: number;
}

/** Runs in timeline order; only unreported periods with the same status and overdue flag are grouped. */
export function timelineRuns(timeline: readonly StatusAt[]): TimelineRun[] {
  const runs: TimelineRun[] = [];
  for (const at of timeline) {
    const open = runs[runs.length - 1];
    if (open && !at.report && !open.last.report && open.last.status === at.status && open.last.overdue === at.overdue) {
      open.last = at;
      open.count += 1;
    } else runs.push({ first: at, last: at, count: 1 });
  }
  return runs;
}

/** "2019年第一季度" or "2019年第一季度至2026年第四季度（共32期）". */
export function runLabel(run: TimelineRun): string {
  return run.count === 1 ? run.first.period.label : `${run.first.period.label}至${run.last.period.label}（共${run.count}期）`;
}
