// Status files in YAML (yaml.ts): fields kept with the line they stand on; a syntax error names its line.
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { docs, expectCase, FIXTURES, type Case } from './helpers';

describe('loadStatusReports: well-formed files', () => {
  const reports = loadStatusReports(`${FIXTURES}/good`, docs);

  it('keeps YAML fields, evidence and indicators with their source line', () => {
    const r = reports[0];
    expect(r.progress).toContain('**0.8 万亩**');
    expect(r.evidence).toEqual([{ title: '任务页', url: '/tasks/plan-a/t1/' }]);
    expect(r.indicators).toEqual([{ target: 1, value: 0.8, unit: '万亩' }]);
    expect(r.source).toBe('demo');
    // Its path in the content folder, as published: never the build machine's.
    expect(r.file).toBe('status/plan-a/2019.yaml');
    expect(r.line).toBe(7);
    expect(reports[2].progress).toBe('');
    expect(reports[2].evidence).toEqual([]);
  });
});

const CASES: Case[] = [['yaml-syntax', 'plan-a/2019.yaml', 8, null, /YAML syntax/]];

describe('Big5 and traditional characters', () => {
  const reports = loadStatusReports(`${FIXTURES}/traditional`, docs).filter((r) => r.file.endsWith('.yaml'));

  it('a Big5 file is read, traditional status words as the catalogue writes them, the text as published', () => {
    expect(reports.map((r) => `${r.taskId}@${r.period.id}:${r.status}`)).toEqual([
      'plan-q/p1@2018-Q3:已销号',
      'plan-q/p2@2018-Q3:长期坚持',
      'plan-q/p3@2018-Q4:超过序时进度',
    ]);
    expect(reports[0].progress).toBe('【示例數據（非官方）】整改已經完成並銷號。');
    expect(reports[0].reportingUnit).toBe('自治區生態環境廳');
    expect([reports[0].line, reports[2].line]).toEqual([7, 7]);
  });
});

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});
