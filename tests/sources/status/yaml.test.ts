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
    expect(r.file).toBe(`${FIXTURES}/good/plan-a/2019.yaml`);
    expect(r.line).toBe(7);
    expect(reports[2].progress).toBe('');
    expect(reports[2].evidence).toEqual([]);
  });
});

const CASES: Case[] = [['yaml-syntax', 'plan-a/2019.yaml', 8, null, /YAML syntax/]];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});
