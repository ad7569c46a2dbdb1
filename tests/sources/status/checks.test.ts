// The checks every status file passes against the documents (checks.ts): known document, task and period,
// the file's place, report dates, indicators and duplicates.
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { docs, expectCase, FIXTURES, loadFolder, messagesOf, type Case } from './helpers';

describe('loadStatusReports: well-formed files', () => {
  const reports = loadStatusReports(`${FIXTURES}/good`, docs);

  it('applies the file-level report date unless an entry has its own', () => {
    expect(reports[0].reportedOn).toBe('2019-12-20');
    expect(reports[1].reportedOn).toBe('2019-12-25');
  });
});

const CASES: Case[] = [
  ['unknown-document', 'plan-zz/2019.yaml', 1, 'document', /unknown document "plan-zz".*expected the slug of a document.*plan-a, plan-q/],
  ['unknown-task', 'plan-a/2019.yaml', 9, 'reports[1].task', /unknown task "t99".*expected a task id of document plan-a such as t1…t5/],
  ['unknown-task-number', 'plan-a/2019.yaml', 6, 'reports[0].task', /did you mean t3\?/],
  [
    'duplicate',
    'plan-a/2019.yaml',
    12,
    'reports[2].task',
    /reported twice for 2019 \(first at .*duplicate\/plan-a\/2019.yaml line 6\).*one report per task and period/,
  ],
  ['duplicate-across', 'west/plan-a/2019.yaml', 9, 'reports[1].task', /reported twice .*east\/plan-a\/2019.yaml line 6/],
  ['outside-span', 'plan-a/2022.yaml', 2, 'period', /outside the span.*expected a period within 2019-03-15…2020-12-31/],
  ['wrong-kind', 'plan-a/2019-Q3.yaml', 2, 'period', /reports annual; expected a year such as 2019/],
  ['not-a-period', 'plan-a/2019-H1.yaml', 2, 'period', /expected a year \(2019\), a quarter \(2019-Q3\) or a month \(2019-07\)/],
  [
    'reported-before-start',
    'plan-a/2020.yaml',
    9,
    'reports[0].reportedOn',
    /2019-12-31 is before period 2020 starts; expected a date on or after 2020-01-01/,
  ],
  [
    'indicator-target',
    'plan-a/2019.yaml',
    12,
    'reports[0].indicators[1].target',
    /target 2 does not exist; expected a target index 0…1 of task t1/,
  ],
  ['indicator-no-targets', 'plan-a/2019.yaml', 10, 'reports[0].indicators[0].target', /task t2 states no targets/],
  ['no-report-date', 'plan-a/2019.yaml', 5, 'reports[0].reportedOn', /missing report date/],
  ['folder-mismatch', 'plan-b/2019.yaml', 1, 'document', /in folder "plan-b" but names document "plan-a"/],
  ['name-mismatch', 'plan-a/2020.yaml', 2, 'period', /expected the file named 2019.yaml/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});

describe('report dates and periods no later than the build date', () => {
  const BUILD_DATE = { buildDate: '2020-06-30' };
  const file = (period: string, reportedOn: string, entry = '') =>
    `document: plan-a\nperiod: ${period}\nsource: demo\nreportedOn: ${reportedOn}\nreports:\n  - task: t1\n    status: 已完成\n    reportingUnit: 地区林草局\n${entry}`;

  it('a report date at the top of the file after the build date: one error, at its line', () => {
    const result = loadFolder(
      { 'plan-a/2019.yaml': file('2019', '2099-01-01') + '  - task: t2\n    status: 长期坚持\n    reportingUnit: 地区林草局\n' },
      BUILD_DATE,
    );
    expect(messagesOf(result)).toEqual([
      'plan-a/2019.yaml, line 4, field "reportedOn": report date 2099-01-01 is after the build date 2020-06-30; expected a date on or before 2020-06-30 (a report cannot be dated in the future)',
    ]);
  });

  it('a report’s own date after the build date, in YAML and in CSV', () => {
    const yaml = loadFolder({ 'plan-a/2019.yaml': file('2019', '2019-12-20', '    reportedOn: 2020-07-01\n') }, BUILD_DATE);
    expect(yaml.errors.map((e) => [e.line, e.field])).toEqual([[9, 'reports[0].reportedOn']]);
    const csv = loadFolder(
      {
        'plan-a/2019.csv':
          'document,period,task,status,reportingUnit,reportedOn,source\nplan-a,2019,t1,已完成,地区林草局,2019-12-20,demo\nplan-a,2019,t2,长期坚持,地区林草局,2099-12-20,demo\n',
      },
      BUILD_DATE,
    );
    expect(messagesOf(csv)).toEqual([
      expect.stringMatching(/^plan-a\/2019\.csv, line 3, field "reportedOn": report date 2099-12-20 is after the build date 2020-06-30/),
    ]);
  });

  it('a period that has not begun by the build date', () => {
    const result = loadFolder({ 'plan-a/2020.yaml': file('2020', '2020-06-01') }, { buildDate: '2019-12-31' });
    expect(messagesOf(result)).toEqual([
      'plan-a/2020.yaml, line 2, field "period": period "2020" starts on 2020-01-01, after the build date 2019-12-31; expected a period that has begun by 2019-12-31 (no report can exist for a later one yet)',
      'plan-a/2020.yaml, line 4, field "reportedOn": report date 2020-06-01 is after the build date 2019-12-31; expected a date on or before 2019-12-31 (a report cannot be dated in the future)',
    ]);
  });

  it('a report dated on the build date, in a period under way, is accepted', () => {
    const result = loadFolder({ 'plan-a/2020.yaml': file('2020', '2020-06-30') }, BUILD_DATE);
    expect(result.errors).toEqual([]);
    expect(result.reports.map((r) => r.reportedOn)).toEqual(['2020-06-30']);
  });

  it('the build date is the settings’ when none is given', () => {
    const result = loadFolder({ 'plan-a/2020.yaml': file('2020', '2099-01-01') });
    expect(messagesOf(result)).toEqual([expect.stringMatching(/report date 2099-01-01 is after the build date \d{4}-\d{2}-\d{2}/)]);
  });
});
