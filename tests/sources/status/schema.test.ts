// The shape of a status file and of one report (schema.ts): status words, dates, URLs, required fields, the source.
import { describe, expect, it } from 'vitest';
import { expectCase, loadFolder, messagesOf, type Case } from './helpers';

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
  ['evidence-url', 'plan-a/2019.yaml', 11, 'reports[0].evidence[0].url', /"javascript:alert\(1\)".*expected an http\(s\) address/],
  ['missing-field', 'plan-a/2019.yaml', 6, 'reports[0].reportingUnit', /missing; expected the name of the reporting unit/],
  ['source', 'plan-a/2019.yaml', 3, 'source', /"示例".*expected demo/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});

/** A status file of plan-a for 2019 with one report, its fields given as YAML lines. */
const yamlWith = (report: string[], top: string[] = []) =>
  [
    'document: plan-a',
    'period: 2019',
    'source: demo',
    'reportedOn: 2019-12-20',
    ...top,
    'reports:',
    '  - task: t1',
    '    status: 已完成',
    ...report.map((l) => `    ${l}`),
    '    reportingUnit: 地区林草局',
    '',
  ].join('\n');

describe('URLs: only http(s) addresses and portal paths, in every field that holds one', () => {
  it.each([
    [
      'the source of an official disclosure',
      yamlWith([]).replace('source: demo', 'source: { title: 公示, url: "javascript:alert(1)" }'),
      3,
      'source.url',
    ],
    ['an evidence link', yamlWith(['evidence: [{ title: 台账, url: "data:text/html,x" }]']), 8, 'reports[0].evidence[0].url'],
    [
      'a protocol-relative evidence link',
      yamlWith(['evidence: [{ title: 台账, url: "//evil.example.com/" }]']),
      8,
      'reports[0].evidence[0].url',
    ],
  ])('%s', (_, text, line, field) => {
    const result = loadFolder({ 'plan-a/2019.yaml': text });
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([[line, field]]);
    expect(messagesOf(result)[0]).toMatch(/expected an http\(s\) address or a portal path/);
  });
});

describe('limits: every field and list of a report is bounded, with file, line and field', () => {
  it('a progress note over 20,000 characters', () => {
    const result = loadFolder({ 'plan-a/2019.yaml': yamlWith([`progress: ${'进'.repeat(20_001)}`]) });
    expect(messagesOf(result)).toEqual([
      'plan-a/2019.yaml, line 8, field "reports[0].progress": too long (20,001 characters); expected at most 20,000 characters',
    ]);
  });

  it('a progress note nested a thousand quotes deep (it would overflow the renderer’s stack)', () => {
    const result = loadFolder({ 'plan-a/2019.yaml': yamlWith(['progress: |', `  第一行`, `  ${'>'.repeat(1000)} 引文`]) });
    expect(messagesOf(result)).toEqual([
      'plan-a/2019.yaml, line 9, field "reports[0].progress": quotes and lists nested 1,000 deep on line 2 of the text; expected Markdown at most 16 levels of quotes and lists (>, -, 1.) at the start of a line',
    ]);
  });

  it('a progress note with emphasis nested two thousand deep', () => {
    const result = loadFolder({ 'plan-a/2019.yaml': yamlWith([`progress: "${'**'.repeat(2000)}a${'**'.repeat(2000)}"`]) });
    expect(messagesOf(result)[0]).toMatch(
      /field "reports\[0\]\.progress": emphasis and brackets nested 4,000 deep on line 1 of the text; expected Markdown at most 64/,
    );
  });

  it('more than 50 evidence links, a name over 200 characters, a URL over 2,000', () => {
    const evidence = Array.from({ length: 51 }, (_, i) => `{ title: 佐证${i}, url: /tasks/plan-a/t1/ }`).join(', ');
    const result = loadFolder({
      'plan-a/2019.yaml': yamlWith([`evidence: [${evidence}]`])
        .replace('reportingUnit: 地区林草局', `reportingUnit: ${'局'.repeat(201)}`)
        .replace('source: demo', `source: { title: 公示, url: "https://example.gov.cn/${'a'.repeat(2000)}" }`),
    });
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'source.url'],
      [8, 'reports[0].evidence'],
      [9, 'reports[0].reportingUnit'],
    ]);
    expect(messagesOf(result)).toEqual([
      expect.stringMatching(/too long \(2,023 characters\); expected at most 2,000 characters$/),
      expect.stringMatching(/too many items \(51\); expected at most 50 evidence links per report$/),
      expect.stringMatching(/too long \(201 characters\); expected at most 200 characters$/),
    ]);
  });

  it('the same bounds in a CSV row', () => {
    const header = 'document,period,task,status,progress,evidence,reportingUnit,reportedOn,source';
    const evidence = Array.from({ length: 51 }, (_, i) => `佐证${i}|/tasks/plan-a/t1/`).join(';');
    const result = loadFolder({
      'plan-a/2019.csv': `${header}\nplan-a,2019,t1,已完成,${'进'.repeat(20_001)},,地区林草局,2019-12-20,demo\nplan-a,2019,t2,长期坚持,,${evidence},地区林草局,2019-12-20,demo\nplan-a,2019,t3,已完成,,台账|javascript:alert(1),地区林草局,2019-12-20,demo\n`,
    });
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'progress'],
      [3, 'evidence'],
      [4, 'evidence[0].url'],
    ]);
  });
});
