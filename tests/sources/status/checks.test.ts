// The checks every status file passes against the documents (checks.ts): known document, task and period,
// the file's place, report dates, indicators and duplicates.
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { docs, expectCase, FIXTURES, type Case } from './helpers';

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
