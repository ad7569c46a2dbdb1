import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { SourceErrors, type SourceError } from '../../../src/domain/source-error';
import { fixtureDocuments } from '../../fixtures/status/documents';

const FIXTURES = 'tests/fixtures/status';
const docs = fixtureDocuments();

/** The errors a fixture case produces; fails the test when it loads cleanly. */
function errorsOf(caseDir: string): SourceError[] {
  try {
    loadStatusReports(`${FIXTURES}/bad/${caseDir}`, docs);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceErrors);
    return (e as SourceErrors).errors;
  }
  throw new Error(`${caseDir} loaded without errors`);
}

describe('loadStatusReports: well-formed files', () => {
  const reports = loadStatusReports(`${FIXTURES}/good`, docs);

  it('reads YAML, UTF-8 CSV with BOM and GB18030 CSV', () => {
    expect(reports.map((r) => `${r.taskId}@${r.period.id}:${r.status}`)).toEqual([
      'plan-a/t1@2019:达到序时进度',
      'plan-a/t2@2019:长期坚持',
      'plan-a/t3@2019:尚未启动',
      'plan-a/t1@2020:已完成',
      'plan-a/t3@2020:未达到序时进度',
      'plan-q/p1@2018-Q3:已完成',
      'plan-q/p2@2018-Q3:长期坚持',
      'plan-q/p1@2018-Q4:已销号',
      'plan-q/p3@2018-Q4:超过序时进度',
    ]);
  });

  it('applies the file-level report date unless an entry has its own', () => {
    expect(reports[0].reportedOn).toBe('2019-12-20');
    expect(reports[1].reportedOn).toBe('2019-12-25');
  });

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

  it('reads CSV cells: multi-line quoted progress, evidence list, indicators with units', () => {
    const r = reports[3];
    expect(r.progress).toBe('【示例数据（非官方）】\n多行进展，含逗号,和"引号"。');
    expect(r.evidence).toEqual([
      { title: '任务页', url: '/tasks/plan-a/t1/' },
      { title: '文件页', url: '/documents/plan-a/' },
    ]);
    expect(r.indicators).toEqual([
      { target: 0, value: 38.6 },
      { target: 1, value: 1.3, unit: '万亩' },
    ]);
    expect(r.line).toBe(2);
    expect(reports[4].line).toBe(4); // the quoted cell above spans two lines
  });

  it('decodes GB18030 with Chinese column names and keeps the official source', () => {
    const r = reports[8];
    expect(r.progress).toBe('整改率达到“九成”，进展顺利。');
    expect(r.reportingUnit).toBe('拉萨市人民政府');
    expect(r.source).toEqual({ title: '整改公示', url: 'https://www.example.gov.cn/gk/2019/01/notice.html' });
    expect(reports[5].source).toEqual({ title: '关于督察整改进展情况的公示', url: 'https://www.example.gov.cn/gk/2018/10/notice.html' });
  });

  it('treats a missing folder as no data', () => {
    expect(loadStatusReports(`${FIXTURES}/does-not-exist`, docs)).toEqual([]);
  });
});

/** One case per check: the error names file, line and field, and says what was expected. */
const CASES: [caseDir: string, file: string, line: number | null, field: string | null, expected: RegExp][] = [
  ['unknown-document', 'plan-zz/2019.yaml', 1, 'document', /unknown document "plan-zz".*expected the slug of a document.*plan-a, plan-q/],
  ['unknown-task', 'plan-a/2019.yaml', 9, 'reports[1].task', /unknown task "t99".*expected a task id of document plan-a such as t1…t5/],
  ['unknown-task-number', 'plan-a/2019.yaml', 6, 'reports[0].task', /did you mean t3\?/],
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
  ['evidence-url', 'plan-a/2019.yaml', 11, 'reports[0].evidence[0].url', /"javascript:alert\(1\)".*expected an http\(s\) URL/],
  ['missing-field', 'plan-a/2019.yaml', 6, 'reports[0].reportingUnit', /missing; expected the name of the reporting unit/],
  ['no-report-date', 'plan-a/2019.yaml', 5, 'reports[0].reportedOn', /missing report date/],
  ['folder-mismatch', 'plan-b/2019.yaml', 1, 'document', /in folder "plan-b" but names document "plan-a"/],
  ['name-mismatch', 'plan-a/2020.yaml', 2, 'period', /expected the file named 2019.yaml/],
  ['source', 'plan-a/2019.yaml', 3, 'source', /"示例".*expected demo/],
  ['yaml-syntax', 'plan-a/2019.yaml', 8, null, /YAML syntax/],
  ['two-files', 'plan-a/2019.yaml', null, null, /a second file for the same document and period as .*plan-a\/2019.csv/],
  ['other-file', 'plan-a/2019.xlsx', null, null, /unexpected file type ".xlsx"/],
  ['csv-mixed', 'plan-a/2019.csv', 3, 'source', /official data in a file whose earlier rows are demonstration.*never mixed/],
  ['csv-status', 'plan-a/2019.csv', 5, 'status', /"搞定".*expected one of the status words/],
  ['csv-binary', 'plan-a/2019.csv', null, null, /binary.*expected a CSV text file in UTF-8 or GB18030/],
  ['csv-utf16', 'plan-a/2019.csv', null, null, /binary/],
  ['csv-header', 'plan-a/2019.csv', 1, 'state', /unknown column "state"/],
  ['csv-other-period', 'plan-a/2019.csv', 3, 'period', /one file per document and period/],
  ['csv-duplicate', 'plan-a/2019.csv', 3, 'task', /reported twice .*line 2/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', (caseDir, file, line, field, expected) => {
    const errors = errorsOf(caseDir);
    const path = `${FIXTURES}/bad/${caseDir}/${file}`;
    const match = errors.find((e) => e.file === path && e.line === line && e.field === field && expected.test(e.message));
    expect(match, errors.map((e) => e.message).join('\n')).toBeDefined();
    // The message an official reads carries the same facts.
    expect(match!.message).toContain(path);
    if (line !== null) expect(match!.message).toContain(`line ${line}`);
    if (field !== null) expect(match!.message).toContain(`field "${field}"`);
    expect(match!.expected).not.toBe('');
  });

  it('collects every error of a run instead of stopping at the first', () => {
    const unknownField = errorsOf('unknown-field').map((e) => `${e.line}:${e.field}`);
    expect(unknownField).toEqual(['4:author', '10:reports[0].progres']);
    const cells = errorsOf('csv-cells').map((e) => `${e.line}:${e.field}`);
    expect(cells).toEqual(['2:evidence[0]', '2:indicators[0]', '3:reportedOn', '4:evidence[0].url', '5:indicators[0].target']);
    expect(errorsOf('csv-header').map((e) => e.field)).toEqual(['state', 'status']);
  });

  it('throws one SourceErrors whose message lists them all', () => {
    expect(() => loadStatusReports(`${FIXTURES}/bad`, docs)).toThrow(/\d+ error\(s\) in source data/);
  });
});

describe('loadStatusReports: temporary files', () => {
  it('a demo file and an official file for different periods load side by side', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-status-'));
    try {
      mkdirSync(join(dir, 'plan-q'));
      writeFileSync(
        join(dir, 'plan-q', '2019-Q1.yaml'),
        'document: plan-q\nperiod: 2019-Q1\nsource: demo\nreportedOn: 2019-04-01\nreports:\n  - {task: p1, status: 已完成, reportingUnit: 区厅}\n',
      );
      writeFileSync(
        join(dir, 'plan-q', '2019-Q2.yaml'),
        'document: plan-q\nperiod: 2019-Q2\nsource: {title: 公示}\nreportedOn: 2019-07-01\nreports: []\n',
      );
      const r = loadStatusReports(dir, docs);
      expect(r).toHaveLength(1);
      expect(r[0].source).toBe('demo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the real content/status against the real documents', () => {
  // Imported here so that a broken ingest fails this block, not the fixture tests above.
  it('loads without errors, and the demonstration data is labelled and complete', async () => {
    const { ingestAll } = await import('../../../src/sources/documents/index');
    const { statusTimeline, countStatuses } = await import('../../../src/domain/derive-status');
    const { timelinePeriods } = await import('../../../src/domain/periods');
    const { REPORTED_STATUSES } = await import('../../../src/domain/status-catalogue');
    const documents = ingestAll('content/documents');
    const reports = loadStatusReports('content/status', documents);
    expect(documents.length).toBeGreaterThanOrEqual(5);

    const seen = new Set<string>();
    let overdue = 0;
    let unreported = 0;
    for (const doc of documents) {
      const own = reports.filter((r) => r.taskId.startsWith(`${doc.slug}/`));
      const periods = new Set(own.map((r) => r.period.id));
      expect(periods.size, `${doc.slug} periods`).toBeGreaterThanOrEqual(2);
      const timeline = doc.tasks.flatMap((t) =>
        statusTimeline(t, own, timelinePeriods(own.map((r) => r.period)), { planEnd: doc.meta.span.end }),
      );
      const c = countStatuses(timeline);
      overdue += c['已逾期'];
      unreported += c['未报告'];
      for (const r of own) seen.add(r.status);
    }
    // Every view has something to show: all seven words, gaps and overdue tasks.
    expect([...seen].sort()).toEqual([...REPORTED_STATUSES].sort());
    expect(unreported).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);

    // Never present invented progress as official.
    for (const r of reports.filter((x) => x.source === 'demo')) {
      expect(r.progress.startsWith('【示例数据（非官方）】'), `${r.file}:${r.line}`).toBe(true);
      for (const e of r.evidence) expect(e.url.startsWith('/'), `${r.file}:${r.line} evidence ${e.url}`).toBe(true);
    }
    // At least one period goes through the CSV path.
    expect(reports.some((r) => r.file.endsWith('.csv'))).toBe(true);
  });
});
