// Aggregates for pages: status counts of a task list, counts per reporting period, overdue lists,
// latest reports. Each takes the list a page already has (a department's, a region's, a document's
// tasks) and is linear in it; nothing here reaches for portal.tasks.
import { STATUS } from '../domain/status-catalogue';
import { ALL_STATUSES } from '../domain/status-catalogue';
import { shownDeadline } from '../portal/deadline';
import { statusNow } from '../portal/current-status';
import { comparePeriods } from '../domain/periods';
import type { DepartmentView, TaskView } from '../portal/types';
import type { StatusCounts } from '../domain/types';
import type { Period, StatusReport } from '../domain/types';
import type { BarRow } from './charts/stacked-bars';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Current status of each task (未报告 when its document has no period yet), 已逾期 counted on top. */
export function countCurrent(views: readonly TaskView[]): StatusCounts {
  const c = emptyCounts();
  for (const v of views) {
    const now = statusNow(v);
    c[now.status]++;
    if (now.overdue) c[STATUS.overdue]++;
  }
  return c;
}

/** One row per reporting period the tasks have, oldest first: how the statuses moved over time. */
export function periodRows(views: readonly TaskView[]): (BarRow & { period: Period })[] {
  const byId = new Map<string, { period: Period; counts: StatusCounts }>();
  for (const v of views) {
    for (const at of v.timeline) {
      let row = byId.get(at.period.id);
      if (!row) byId.set(at.period.id, (row = { period: at.period, counts: emptyCounts() }));
      row.counts[at.status]++;
      if (at.overdue) row.counts[STATUS.overdue]++;
    }
  }
  return [...byId.values()]
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((r) => ({ label: r.period.label, counts: r.counts, period: r.period }));
}

/** Tasks overdue in their latest period, the longest overdue first (then in document order). */
export function overdueOf(views: readonly TaskView[]): TaskView[] {
  return views
    .filter((v) => v.current?.overdue)
    .map((v, i) => ({ v, i, d: shownDeadline(v).date ?? '' }))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i))
    .map((x) => x.v);
}

export interface LatestReport {
  view: TaskView;
  report: StatusReport;
}

/** The n most recent reports (by report date, then period) of the given tasks. */
export function latestReports(views: readonly TaskView[], n: number): LatestReport[] {
  const all: LatestReport[] = [];
  for (const view of views) for (const report of view.reports) all.push({ view, report });
  all.sort((a, b) =>
    a.report.reportedOn !== b.report.reportedOn
      ? a.report.reportedOn < b.report.reportedOn
        ? 1
        : -1
      : comparePeriods(b.report.period, a.report.period),
  );
  return all.slice(0, n);
}

/** Status bars per department for the tasks each leads, largest first, at most `limit` rows. */
export function departmentRows(views: readonly DepartmentView[], limit: number): (BarRow & { href: string })[] {
  return views
    .filter((d) => d.primary.length > 0)
    .map((d) => ({ label: d.department.name, href: d.url, counts: countCurrent(d.primary), n: d.primary.length }))
    .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, limit)
    .map(({ label, href, counts }) => ({ label, href, counts }));
}

/** Whether any task in the list shows demonstration status data (the page then needs the banner). */
export const showsDemo = (views: readonly TaskView[]): boolean => views.some((v) => v.demo);
