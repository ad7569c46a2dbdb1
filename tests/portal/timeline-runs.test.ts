// Grouping silent periods of a task's timeline (timeline-runs.ts).
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods';
import type { StatusAt, StatusReport } from '../../src/domain/types';
import { runLabel, timelineRuns } from '../../src/portal/timeline-runs';

const at = (id: string, reported = false, overdue = false): StatusAt => {
  const period = parsePeriod(id);
  const report = reported ? ({ period, status: '达到序时进度' } as unknown as StatusReport) : null;
  return { period, status: reported ? '达到序时进度' : '未报告', overdue, report, lastReported: null };
};

describe('timelineRuns', () => {
  it('groups consecutive unreported periods with the same status and overdue flag', () => {
    const runs = timelineRuns([at('2018-Q4', true), at('2019-Q1'), at('2019-Q2'), at('2019-Q3', false, true), at('2019-Q4', false, true)]);
    expect(runs.map(runLabel)).toEqual([
      '2018年第四季度',
      '2019年第一季度至2019年第二季度（共2期）',
      '2019年第三季度至2019年第四季度（共2期）',
    ]);
  });

  it('never groups reported periods', () => {
    const runs = timelineRuns([at('2019-Q1', true), at('2019-Q2', true)]);
    expect(runs.map((r) => r.count)).toEqual([1, 1]);
  });

  it('is empty for an empty timeline', () => {
    expect(timelineRuns([])).toEqual([]);
  });
});
