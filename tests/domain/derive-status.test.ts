import { describe, expect, it } from 'vitest';
import {
  completionSummary,
  countStatuses,
  currentStatus,
  finalDeadline,
  groupReportsByTask,
  isOverdue,
  statusTimeline,
} from '../../src/domain/derive-status';
import { ALL_STATUSES, isComplete, isSelfReportedComplete, isVerifiedClosed } from '../../src/domain/status-catalogue';
import { parsePeriod } from '../../src/domain/periods';
import type { Measure, ReportedStatus, StatusReport, Task } from '../../src/domain/types';
import { deadline, makeTask } from '../fixtures/status/documents';

const periods = ['2019', '2020', '2021'].map(parsePeriod);

function report(task: Task, periodId: string, status: ReportedStatus, reportedOn: string): StatusReport {
  return {
    taskId: task.id,
    period: parsePeriod(periodId),
    status,
    progress: '',
    evidence: [],
    indicators: [],
    reportingUnit: '市林草局',
    reportedOn,
    source: 'demo',
    file: 'x.yaml',
    line: 1,
  };
}

const dated = makeTask('d', 't1', { deadlines: [deadline('2019年底前', '2019-12-31'), deadline('2020年6月底前', '2020-06-30')] });
const standing = makeTask('d', 't2', { deadlines: [deadline('长期', null)] });
const noDeadline = makeTask('d', 't3');
const measure = (d: string | null): Measure => ({
  id: 'd/t4.m1',
  number: '1',
  text: '',
  units: [],
  deadlines: [deadline(d ?? '立行立改', d)],
  targets: [],
  line: 1,
});
const byMeasures = makeTask('d', 't4', { measures: [measure('2019-06-30'), measure('2020-03-31'), measure(null)] });

describe('finalDeadline', () => {
  it('is the latest dated deadline of the task', () => expect(finalDeadline(dated)).toBe('2020-06-30'));
  it('falls back to the measures when the task states none', () => expect(finalDeadline(byMeasures)).toBe('2020-03-31'));
  it('is the plan end for a task that states no deadline, when given', () => {
    expect(finalDeadline(noDeadline, '2019-12-31')).toBe('2019-12-31');
    expect(finalDeadline(dated, '2030-12-31')).toBe('2020-06-30');
  });
  it('is null for standing deadlines, even with a plan end, and for none without one', () => {
    expect(finalDeadline(standing)).toBeNull();
    expect(finalDeadline(standing, '2019-12-31')).toBeNull();
    expect(finalDeadline(makeTask('d', 't8', { measures: [measure(null)] }), '2019-12-31')).toBeNull();
    expect(finalDeadline(noDeadline)).toBeNull();
    expect(finalDeadline(makeTask('d', 't9', { deadlines: [deadline('立行立改', null), deadline('立即启动', null)] }))).toBeNull();
  });
});

describe('isOverdue', () => {
  it('the deadline day itself is still on time', () => expect(isOverdue('2019-12-31', false, '2019-12-31')).toBe(false));
  it('the day after is overdue', () => expect(isOverdue('2019-12-31', false, '2020-01-01')).toBe(true));
  it('completion stops the clock', () => expect(isOverdue('2019-12-31', true, '2021-01-01')).toBe(false));
  it('no dated deadline is never overdue', () => expect(isOverdue(null, false, '2099-01-01')).toBe(false));
});

describe('statusTimeline', () => {
  it('gives 未报告 for a period without a report, and judges it at the period end', () => {
    const tl = statusTimeline(dated, [report(dated, '2019', '达到序时进度', '2019-12-20')], periods);
    expect(tl.map((s) => [s.period.id, s.status, s.overdue])).toEqual([
      ['2019', '达到序时进度', false],
      ['2020', '未报告', true], // 2020-12-31 is past 2020-06-30
      ['2021', '未报告', true],
    ]);
    expect(tl[0].report?.reportingUnit).toBe('市林草局');
    expect(tl[1].report).toBeNull();
  });

  it('judges a reported period at its report date, not the period end', () => {
    const early = statusTimeline(dated, [report(dated, '2020', '未达到序时进度', '2020-06-30')], periods);
    expect(early[1].overdue).toBe(false);
    const late = statusTimeline(dated, [report(dated, '2020', '未达到序时进度', '2020-07-01')], periods);
    expect(late[1].overdue).toBe(true);
  });

  it('is never overdue once reported 已完成 or 已销号, also in later unreported periods', () => {
    for (const done of ['已完成', '已销号'] as const) {
      const tl = statusTimeline(dated, [report(dated, '2019', done, '2019-12-20')], periods);
      expect(tl.map((s) => s.overdue)).toEqual([false, false, false]);
    }
  });

  it('a later report that is not a completion reopens the clock', () => {
    const tl = statusTimeline(
      dated,
      [report(dated, '2019', '已完成', '2019-12-20'), report(dated, '2021', '未达到序时进度', '2021-12-20')],
      periods,
    );
    expect(tl.map((s) => s.overdue)).toEqual([false, false, true]);
  });

  it('standing deadlines are never overdue, whatever is reported', () => {
    const tl = statusTimeline(standing, [report(standing, '2019', '尚未启动', '2019-12-20')], periods);
    expect(tl.map((s) => [s.status, s.overdue])).toEqual([
      ['尚未启动', false],
      ['未报告', false],
      ['未报告', false],
    ]);
  });

  it('takes the plan end as the deadline of a task that states none', () => {
    const tl = statusTimeline(noDeadline, [report(noDeadline, '2020', '达到序时进度', '2020-12-31')], periods, { planEnd: '2020-12-31' });
    expect(tl.map((s) => s.overdue)).toEqual([false, false, true]);
    expect(statusTimeline(noDeadline, [], periods).map((s) => s.overdue)).toEqual([false, false, false]);
  });

  it('uses measure deadlines when the task has none', () => {
    const tl = statusTimeline(byMeasures, [], periods);
    expect(tl.map((s) => s.overdue)).toEqual([false, true, true]);
  });

  it('ignores reports of other tasks and sorts periods', () => {
    const other = report(standing, '2019', '已完成', '2019-12-20');
    const tl = statusTimeline(dated, [other], [...periods].reverse());
    expect(tl.map((s) => `${s.period.id}:${s.status}`)).toEqual(['2019:未报告', '2020:未报告', '2021:未报告']);
    expect(currentStatus(tl)?.period.id).toBe('2021');
    expect(currentStatus([])).toBeNull();
  });
});

describe('groupReportsByTask', () => {
  it('groups by task id, keeping order', () => {
    const a = report(dated, '2019', '达到序时进度', '2019-12-20');
    const b = report(standing, '2019', '长期坚持', '2019-12-20');
    const c = report(dated, '2020', '已完成', '2020-12-20');
    const g = groupReportsByTask([a, b, c]);
    expect(g.get(dated.id)).toEqual([a, c]);
    expect(g.get(standing.id)).toEqual([b]);
    expect(g.size).toBe(2);
  });
});

describe('counting and completion', () => {
  const late = makeTask('d', 't5', { deadlines: [deadline('2019年6月底前', '2019-06-30')] });
  const tl = [
    ...statusTimeline(dated, [report(dated, '2019', '已完成', '2019-12-20')], periods),
    ...statusTimeline(byMeasures, [report(byMeasures, '2020', '已销号', '2020-12-01')], periods),
    ...statusTimeline(late, [report(late, '2019', '未达到序时进度', '2019-12-20')], periods),
  ];

  it('counts every status, derived ones included, and 已逾期 on top', () => {
    const c = countStatuses(tl);
    expect(Object.keys(c).sort()).toEqual([...ALL_STATUSES].sort());
    expect(c['已完成']).toBe(1);
    expect(c['已销号']).toBe(1);
    expect(c['未达到序时进度']).toBe(1);
    expect(c['尚未启动']).toBe(0);
    expect(c['未报告']).toBe(6);
    expect(c['已逾期']).toBe(3); // the late task in all three periods; completions stop the others' clocks
    expect(Object.values(c).reduce((a, b) => a + b, 0) - c['已逾期']).toBe(tl.length);
  });

  it('keeps self-reported completion apart from verified closure', () => {
    expect(isSelfReportedComplete('已完成')).toBe(true);
    expect(isSelfReportedComplete('已销号')).toBe(false);
    expect(isVerifiedClosed('已销号')).toBe(true);
    expect(isVerifiedClosed('已完成')).toBe(false);
    expect(isComplete('长期坚持')).toBe(false);
    expect(completionSummary(tl)).toEqual({ total: 9, selfReported: 1, verified: 1, reported: 3 });
  });
});

describe('statusTimeline as of the build date', () => {
  it('judges the latest period as of the build date: a deadline passed after the last report is 已逾期', () => {
    const reports = [report(dated, '2020', '未达到序时进度', '2020-06-01')];
    // 2020's report came before the final deadline (2020-06-30).
    expect(statusTimeline(dated, reports, periods.slice(0, 2)).at(-1)!.overdue).toBe(false);
    // Without later reports, as of 2020-12-03 the deadline has passed.
    expect(statusTimeline(dated, reports, periods.slice(0, 2), { asOf: '2020-12-03' }).at(-1)!.overdue).toBe(true);
    // The build date is after the latest period: its end counts.
    expect(statusTimeline(dated, reports, periods.slice(0, 2), { asOf: '2026-12-03' }).at(-1)!.overdue).toBe(true);
    // The deadline day itself is still on time.
    expect(statusTimeline(dated, [], [parsePeriod('2020')], { asOf: '2020-06-30' })[0].overdue).toBe(false);
    expect(statusTimeline(dated, [], [parsePeriod('2020')], { asOf: '2020-07-01' })[0].overdue).toBe(true);
  });

  it('a completion stops the clock; each period says when the task was last reported', () => {
    const tl = statusTimeline(dated, [report(dated, '2019', '已完成', '2019-12-20')], periods, { asOf: '2021-12-31' });
    expect(tl.map((s) => [s.period.id, s.status, s.overdue, s.lastReported?.id ?? null])).toEqual([
      ['2019', '已完成', false, '2019'],
      ['2020', '未报告', false, '2019'],
      ['2021', '未报告', false, '2019'],
    ]);
  });
});
