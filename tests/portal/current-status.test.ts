// What a status slot shows (current-status.ts): a period's status, or 未报告 where there is none; and
// whether it is demonstration data.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods';
import type { StatusAt, StatusReport } from '../../src/domain/types';
import { isDemoStatus, shownStatus, statusNow } from '../../src/portal/current-status';

const period = parsePeriod('2019-Q3');
const report = (source: StatusReport['source']): StatusReport => ({
  taskId: 'd/t1',
  period,
  status: '已完成',
  progress: '',
  evidence: [],
  indicators: [],
  reportingUnit: '地区环保局',
  reportedOn: '2019-09-30',
  source,
  file: 'content/status/d/2019-Q3.yaml',
  line: 6,
});
const at = (r: StatusReport | null, overdue = false): StatusAt => ({ period, status: r ? r.status : '未报告', overdue, report: r, lastReported: r ? period : null });

describe('shownStatus', () => {
  it('shows a period’s status, overdue flag, period and report as they are', () => {
    const r = report('demo');
    expect(shownStatus(at(r, true))).toEqual({ status: '已完成', overdue: true, period, report: r });
    expect(shownStatus(at(null))).toEqual({ status: '未报告', overdue: false, period, report: null });
  });

  it('shows 未报告, not overdue, for a task whose document has no period yet', () => {
    expect(shownStatus(null)).toEqual({ status: '未报告', overdue: false, period: null, report: null });
    expect(statusNow({ current: null })).toEqual(shownStatus(null));
  });

  it('statusNow is the status of the document’s latest period', () => {
    const r = report({ title: '公示' });
    expect(statusNow({ current: at(r) })).toEqual({ status: '已完成', overdue: false, period, report: r });
  });
});

describe('isDemoStatus', () => {
  it('goes by the report where there is one, whatever the task’s data set', () => {
    expect(isDemoStatus(at(report('demo')), { demo: false })).toBe(true);
    expect(isDemoStatus(at(report({ title: '公示', url: 'https://gov.example/1' })), { demo: true })).toBe(false);
  });

  it('goes by the task’s data set for 未报告: a gap in demo data is demo too', () => {
    expect(isDemoStatus(at(null), { demo: true })).toBe(true);
    expect(isDemoStatus(at(null), { demo: false })).toBe(false);
    expect(isDemoStatus(null, { demo: true })).toBe(true);
    expect(isDemoStatus(null, { demo: false })).toBe(false);
  });
});
