// Status changes: what a feed reader wants to hear about. Per task, walk the timeline oldest first
// and emit an entry whenever the (status, overdue) state differs from the last known one.
// A period with nothing reported (未报告) and not overdue is silence, not news: it neither makes an
// entry nor resets the state, so A → 未报告 → A yields one entry, not three.
import type { Portal, TaskView } from '../../portal/types';
import type { StatusAt } from '../../domain/types';
import type { Status } from '../../domain/types';
import { memoWithReads } from '../../portal/reads';
import { finalDeadline } from '../../domain/derive-status';

export interface StatusChange {
  view: TaskView;
  at: StatusAt;
  /** The state before, or null for the first thing known about the task. */
  previous: { status: Status; overdue: boolean; periodLabel: string } | null;
  /**
   * YYYY-MM-DD: the report date; for an unreported overdue, the day it became overdue within the period
   * (the day after the deadline, or the period's first day), never a day still to come.
   */
  updated: string;
  demo: boolean;
}

export function taskChanges(view: TaskView): StatusChange[] {
  const out: StatusChange[] = [];
  let last: StatusChange['previous'] = null;
  for (const at of view.timeline) {
    if (!at.report && !at.overdue) continue;
    const unchanged = last && last.status === at.status && last.overdue === at.overdue;
    const previous = last;
    // The state is dated by the latest period that reported it, for "A（2021年）→ B（2022年）".
    last = { status: at.status, overdue: at.overdue, periodLabel: at.period.label };
    if (unchanged) continue;
    out.push({
      view,
      at,
      previous,
      updated: at.report?.reportedOn ?? overdueSince(view, at),
      // 未报告 + overdue is derived from the task's own data: demo when that data is.
      demo: at.report ? at.report.source === 'demo' : view.demo,
    });
  }
  return out;
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The first day of the period on which an unreported task was overdue. */
function overdueSince(view: TaskView, at: StatusAt): string {
  const deadline = finalDeadline(view.task, view.document.meta.span.end);
  const after = deadline ? dayAfter(deadline) : at.period.start;
  return after > at.period.start ? (after < at.period.end ? after : at.period.end) : at.period.start;
}

/** Newest first; ties in a fixed order so that rebuilding gives the same feed byte for byte. */
export function compareChanges(a: StatusChange, b: StatusChange): number {
  if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1;
  if (a.view.task.id !== b.view.task.id) return a.view.task.id < b.view.task.id ? -1 : 1;
  return a.at.period.start < b.at.period.start ? 1 : a.at.period.start > b.at.period.start ? -1 : 0;
}

/** Per-task changes, computed once per build; a use replays the task's status read (src/portal/reads.ts). */
const changesOfTask = memoWithReads((v: TaskView) => taskChanges(v));

/** Changes of the given tasks, newest first. */
export function changesOf(_portal: Portal, views: Iterable<TaskView>): StatusChange[] {
  const seen = new Set<string>();
  const out: StatusChange[] = [];
  for (const v of views) {
    if (seen.has(v.task.id)) continue;
    seen.add(v.task.id);
    for (const c of changesOfTask(v)) out.push(c);
  }
  return out.sort(compareChanges);
}
