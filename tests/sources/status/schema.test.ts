// The shape of a status file and of one report (schema.ts): status words, dates, URLs, required fields, the source.
import { describe, it } from 'vitest';
import { expectCase, type Case } from './helpers';

const CASES: Case[] = [
  [
    'unknown-status',
    'plan-a/2019.yaml',
    10,
    'reports[1].status',
    /"完成了".*expected one of the status words 尚未启动、未达到序时进度、达到序时进度、超过序时进度、已完成、已销号、长期坚持/,
  ],
  ['derived-status', 'plan-a/2019.yaml', 7, 'reports[0].status', /"未报告".*derived, never entered/],
  ['impossible-date', 'plan-a/2019.yaml', 9, 'reports[0].reportedOn', /"2019-02-30".*expected a real date YYYY-MM-DD/],
  ['impossible-file-date', 'plan-a/2019.yaml', 4, 'reportedOn', /"2019-13-01".*expected a real date/],
  ['evidence-url', 'plan-a/2019.yaml', 11, 'reports[0].evidence[0].url', /"javascript:alert\(1\)".*expected an http\(s\) URL/],
  ['missing-field', 'plan-a/2019.yaml', 6, 'reports[0].reportingUnit', /missing; expected the name of the reporting unit/],
  ['source', 'plan-a/2019.yaml', 3, 'source', /"示例".*expected demo/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});
