// Reported values against a task's targets (indicators.ts).
import { describe, expect, it } from 'vitest';
import { targetProgress } from '../../src/components/indicators';
import { parsePeriod } from '../../src/domain/periods';
import type { StatusReport } from '../../src/domain/types';

describe('targetProgress', () => {
  const base: Omit<StatusReport, 'period' | 'indicators' | 'source'> = {
    taskId: 'd/t1',
    status: '达到序时进度',
    progress: '',
    evidence: [],
    reportingUnit: 'u',
    reportedOn: '2020-12-31',
    file: 'f',
    line: 1,
  };
  const r = (period: string, indicators: StatusReport['indicators'], demo = true): StatusReport => ({
    ...base,
    period: parsePeriod(period),
    indicators,
    source: demo ? 'demo' : { title: '官方' },
  });
  it('takes the latest period that reported a value for each target', () => {
    const targets = [
      { text: '森林覆盖率达到38.5%', value: 38.5, unit: '%' },
      { text: '完成治理', value: null, unit: null },
    ];
    const out = targetProgress(targets, [
      r('2020', [{ target: 0, value: 37 }], false),
      r('2021', []),
      r('2019', [
        { target: 0, value: 30 },
        { target: 1, value: 5, unit: '宗' },
      ]),
    ]);
    expect(out[0].latest).toMatchObject({ value: 37, unit: '%', demo: false });
    expect(out[0].latest!.period.id).toBe('2020');
    expect(out[0].ratio).toBeCloseTo(37 / 38.5);
    expect(out[1].latest).toMatchObject({ value: 5, unit: '宗', demo: true });
    expect(out[1].ratio).toBeNull();
  });
  it('says null when nothing was reported', () => {
    expect(targetProgress([{ text: 'x', value: 1, unit: null }], [])[0].latest).toBeNull();
  });
});
