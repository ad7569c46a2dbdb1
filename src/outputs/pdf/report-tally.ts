// Counting for reports: statuses, demo data and the sources of every status counted, summed up the region tree.
import { countStatuses } from '../../domain/derive-status';
import { comparePeriods } from '../../domain/periods';
import { ALL_STATUSES } from '../../domain/status-catalogue';
import type { StatusAt, StatusCounts } from '../../domain/types';
import { type Period, type StatusReport } from '../../domain/types';
import { yearOf } from '../../portal/available-reports';
import { DEMO_LABEL } from '../../portal/labels';
import type { ReportSource, ReportTotals, StatusCount } from './report-spec';

export function countsOf(list: StatusAt[]): StatusCount[] {
  const counts = countStatuses(list);
  return ALL_STATUSES.map((status) => ({ status, count: counts[status] }));
}

/** Year counts of a set of documents, as the report model adds them up (not part of a spec). */
export interface Tally {
  documentCount: number;
  taskCount: number;
  counts: StatusCounts;
  demo: boolean;
  /** Latest report date of a status counted. */
  latest: string | null;
  sources: Map<string, SourceTally>;
}

/** A source while it is being collected: its periods kept as periods, to list them in time order. */
export type SourceTally = Omit<ReportSource, 'periods'> & { periods: Map<string, Period> };

export const emptyTally = (): Tally => ({
  documentCount: 0,
  taskCount: 0,
  counts: Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as StatusCounts,
  demo: false,
  latest: null,
  sources: new Map(),
});

export const laterOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export function addSource(map: Map<string, SourceTally>, report: StatusReport): void {
  const src =
    report.source === 'demo'
      ? { title: DEMO_LABEL, url: null, demo: true }
      : { title: report.source.title, url: report.source.url ?? null, demo: false };
  const key = `${src.demo}|${src.title}|${src.url}`;
  const entry = map.get(key) ?? { ...src, periods: new Map() };
  entry.periods.set(report.period.id, report.period);
  map.set(key, entry);
}

export function mergeSources(into: Map<string, SourceTally>, from: Iterable<SourceTally>): void {
  for (const src of from) {
    const key = `${src.demo}|${src.title}|${src.url}`;
    const entry = into.get(key);
    if (!entry) into.set(key, { ...src, periods: new Map(src.periods) });
    else for (const [id, p] of src.periods) entry.periods.set(id, p);
  }
}

/** Sources in the order first met (the report's own rows first), each with its periods oldest first. */
export function sourceList(map: Map<string, SourceTally>): ReportSource[] {
  return [...map.values()].map((s) => ({
    title: s.title,
    url: s.url,
    demo: s.demo,
    periods: [...s.periods.values()].sort(comparePeriods).map((p) => p.label),
  }));
}

export function addTally(into: Tally, t: Tally): void {
  into.documentCount += t.documentCount;
  into.taskCount += t.taskCount;
  for (const s of ALL_STATUSES) into.counts[s] += t.counts[s];
  into.demo ||= t.demo;
  into.latest = laterOf(into.latest, t.latest);
  mergeSources(into.sources, t.sources.values());
}

export function totalsOf(t: Tally): ReportTotals {
  return {
    documentCount: t.documentCount,
    taskCount: t.taskCount,
    counts: ALL_STATUSES.map((status) => ({ status, count: t.counts[status] })),
    demo: t.demo,
  };
}

/**
 * The status a year-report shows: the latest period of the year that has a report, else the year's last
 * period (未报告). A quarterly plan reported in Q3 but not yet in Q4 shows the Q3 report, labelled as such.
 */
export function statusForYear(timeline: StatusAt[], year: string): StatusAt | null {
  const inYear = timeline.filter((s) => yearOf(s.period) === year).sort((a, b) => comparePeriods(a.period, b.period));
  return inYear.filter((s) => s.report).at(-1) ?? inYear.at(-1) ?? null;
}
