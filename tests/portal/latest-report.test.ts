// The newest report of a task and the first line of its progress (latest-report.ts).
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods';
import type { StatusReport } from '../../src/domain/types';
import { firstProgressLine, latestReport } from '../../src/portal/latest-report';

const report = (period: string, reportedOn: string, progress = ''): StatusReport => ({
  taskId: 'd/t1',
  period: parsePeriod(period),
  status: '达到序时进度',
  progress,
  evidence: [],
  indicators: [],
  reportingUnit: '地区环保局',
  reportedOn,
  source: 'demo',
  file: 'content/status/d/x.yaml',
  line: 1,
});

describe('latestReport', () => {
  it('is null for a task that never reported', () => {
    expect(latestReport({ reports: [] })).toBeNull();
  });

  it('takes the newest period, whatever the order of the reports', () => {
    const q4 = report('2018-Q4', '2019-01-10');
    const q1 = report('2019-Q1', '2019-04-02');
    expect(latestReport({ reports: [q1, q4] })).toBe(q1);
    expect(latestReport({ reports: [q4, q1] })).toBe(q1);
  });

  it('takes the later date within one period', () => {
    const early = report('2019-Q1', '2019-03-01');
    const late = report('2019-Q1', '2019-04-02');
    expect(latestReport({ reports: [late, early] })).toBe(late);
  });
});

describe('firstProgressLine', () => {
  it('is the first non-empty line as plain text', () => {
    expect(firstProgressLine('\n\n**已完成**整改验收。\n第二行不显示')).toBe('已完成整改验收。');
  });

  it('cuts long lines with an ellipsis, counting characters not UTF-16 units', () => {
    expect(firstProgressLine('一二三四五六', 4)).toBe('一二三四…');
    expect(firstProgressLine('𠀀𠀀𠀀', 2)).toBe('𠀀𠀀…');
    expect(firstProgressLine('一二三四', 4)).toBe('一二三四');
  });

  it('is empty for an empty text', () => {
    expect(firstProgressLine('  \n ')).toBe('');
  });
});
