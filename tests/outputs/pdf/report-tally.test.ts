// Counting for reports (report-tally.ts): the status a year report shows, status counts, the sources of every
// status counted with their periods in time order, and tallies summed up the region tree.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/domain/periods';
import { ALL_STATUSES } from '../../../src/domain/status-catalogue';
import type { Status, StatusAt, StatusReport } from '../../../src/domain/types';
import { DEMO_LABEL } from '../../../src/portal/labels';
import {
  addSource,
  addTally,
  countsOf,
  emptyTally,
  laterOf,
  mergeSources,
  sourceList,
  statusForYear,
  totalsOf,
  type SourceTally,
} from '../../../src/outputs/pdf/report-tally';

function report(periodId: string, source: StatusReport['source'] = 'demo', reportedOn = '2019-12-31'): StatusReport {
  return {
    taskId: 'd/t1',
    period: parsePeriod(periodId),
    status: '达到序时进度',
    progress: '',
    evidence: [],
    indicators: [],
    reportingUnit: '地区环保局',
    reportedOn,
    source,
    file: `content/status/d/${periodId}.yaml`,
    line: 6,
  };
}

/** A timeline over the given periods; the reported ones carry a report. */
function timeline(periodIds: string[], reported: string[]): StatusAt[] {
  return periodIds.map((id) => {
    const r = reported.includes(id) ? report(id) : null;
    return { period: parsePeriod(id), status: r ? r.status : '未报告', overdue: false, report: r, lastReported: null };
  });
}

describe('statusForYear', () => {
  const quarters = ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];

  it('takes the latest period of the year that has a report', () => {
    expect(statusForYear(timeline(quarters, ['2019-Q1', '2019-Q3']), '2019')!.period.id).toBe('2019-Q3');
    expect(statusForYear(timeline(quarters, ['2019-Q3', '2019-Q4']), '2019')!.period.id).toBe('2019-Q4');
    // Whatever order the timeline comes in.
    expect(statusForYear(timeline([...quarters].reverse(), ['2019-Q1', '2019-Q3']), '2019')!.period.id).toBe('2019-Q3');
  });

  it('takes the last period of the year, 未报告, when the year has no report', () => {
    const at = statusForYear(timeline(quarters, ['2019-Q3']), '2020')!;
    expect([at.period.id, at.status, at.report]).toEqual(['2020-Q1', '未报告', null]);
    expect(statusForYear(timeline(['2019', '2020'], []), '2019')!.period.id).toBe('2019');
  });

  it('gives nothing for a year without a period', () => {
    expect(statusForYear(timeline(quarters, quarters), '2018')).toBeNull();
    expect(statusForYear([], '2019')).toBeNull();
  });
});

describe('countsOf', () => {
  it('counts each status in catalogue order, 已逾期 on top of the status it flags', () => {
    const at = (status: Status, overdue = false): StatusAt => ({ period: parsePeriod('2019'), status, overdue, report: null, lastReported: null });
    const counts = countsOf([at('已完成'), at('未达到序时进度', true), at('未报告', true), at('未报告')]);
    expect(counts.map((c) => c.status)).toEqual([...ALL_STATUSES]);
    expect(Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.status, c.count]))).toEqual({
      未达到序时进度: 1,
      已完成: 1,
      未报告: 2,
      已逾期: 2,
    });
  });
});

describe('sources', () => {
  const official = { title: '阿里地区政务公开', url: 'https://gov.example/1' };

  it('lists each source once, in the order first met, its periods oldest first', () => {
    const map = new Map<string, SourceTally>();
    for (const r of [report('2019-Q4', official), report('2019-Q3', 'demo'), report('2019-Q2', official), report('2019-Q4', official)])
      addSource(map, r);
    expect(sourceList(map)).toEqual([
      { title: '阿里地区政务公开', url: 'https://gov.example/1', demo: false, periods: ['2019年第二季度', '2019年第四季度'] },
      { title: DEMO_LABEL, url: null, demo: true, periods: ['2019年第三季度'] },
    ]);
  });

  it('keeps a disclosure with another URL, or none, apart', () => {
    const map = new Map<string, SourceTally>();
    for (const source of [official, { title: official.title, url: 'https://gov.example/2' }, { title: official.title }])
      addSource(map, report('2019', source));
    expect(sourceList(map).map((s) => s.url)).toEqual(['https://gov.example/1', 'https://gov.example/2', null]);
  });

  it('merges the sources of another tally into its own, without sharing their period lists', () => {
    const into = new Map<string, SourceTally>();
    const from = new Map<string, SourceTally>();
    addSource(into, report('2019-Q1', official));
    addSource(from, report('2019-Q3', official));
    addSource(from, report('2019-Q2', 'demo'));
    mergeSources(into, from.values());
    addSource(from, report('2019-Q4', 'demo'));
    expect(sourceList(into)).toEqual([
      { title: '阿里地区政务公开', url: 'https://gov.example/1', demo: false, periods: ['2019年第一季度', '2019年第三季度'] },
      { title: DEMO_LABEL, url: null, demo: true, periods: ['2019年第二季度'] },
    ]);
  });
});

describe('tallies', () => {
  it('add up documents, tasks, counts, demo data, the latest date and the sources', () => {
    const a = emptyTally();
    a.documentCount = 1;
    a.taskCount = 2;
    a.counts['已完成'] = 2;
    a.latest = '2019-10-01';
    addSource(a.sources, report('2019', { title: '公示' }));
    const b = emptyTally();
    b.documentCount = 2;
    b.taskCount = 3;
    b.counts['已完成'] = 1;
    b.counts['未报告'] = 2;
    b.counts['已逾期'] = 1;
    b.demo = true;
    b.latest = '2019-12-31';
    addSource(b.sources, report('2019', 'demo'));
    const sum = emptyTally();
    addTally(sum, a);
    addTally(sum, b);
    expect(totalsOf(sum)).toEqual({
      documentCount: 3,
      taskCount: 5,
      counts: ALL_STATUSES.map((status) => ({ status, count: { 已完成: 3, 未报告: 2, 已逾期: 1 }[status as string] ?? 0 })),
      demo: true,
    });
    expect(sum.latest).toBe('2019-12-31');
    expect(sourceList(sum.sources).map((s) => s.title)).toEqual(['公示', DEMO_LABEL]);
  });

  it('start empty: nothing counted, no date, no demo data', () => {
    const t = emptyTally();
    expect(totalsOf(t)).toEqual({
      documentCount: 0,
      taskCount: 0,
      counts: ALL_STATUSES.map((status) => ({ status, count: 0 })),
      demo: false,
    });
    expect(t.latest).toBeNull();
    expect(t.sources.size).toBe(0);
  });

  it('keep the later of two dates, either of which may be missing', () => {
    expect(laterOf('2019-01-02', '2019-01-01')).toBe('2019-01-02');
    expect(laterOf('2019-01-01', '2019-12-31')).toBe('2019-12-31');
    expect(laterOf(null, '2019-01-01')).toBe('2019-01-01');
    expect(laterOf('2019-01-01', null)).toBe('2019-01-01');
    expect(laterOf(null, null)).toBeNull();
  });
});
