// Status files loaded as a stage (index.ts): every file under the folder in order, YAML and CSV alike,
// every error of a run collected, and the real content/status against the real documents.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { docs, errorsOf, expectCase, FIXTURES, loadFolder, messagesOf, type Case } from './helpers';

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

  it('treats a missing folder as no data', () => {
    expect(loadStatusReports(`${FIXTURES}/does-not-exist`, docs)).toEqual([]);
  });
});

const CASES: Case[] = [
  ['two-files', 'plan-a/2019.yaml', null, null, /a second file for the same document and period as .*plan-a\/2019.csv/],
  ['other-file', 'plan-a/2019.xlsx', null, null, /unexpected file type ".xlsx"/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);

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

describe('loadStatusReports: folder names are document slugs', () => {
  const FILE = 'document: plan-a\nperiod: 2019\nsource: demo\nreportedOn: 2019-12-20\nreports: []\n';

  it('a folder whose name cannot be a slug is reported once, with the name to give it', () => {
    const result = loadFolder({ 'Plan A/2019.yaml': FILE, 'Plan A/2020.yaml': FILE, 'x#y?z/2019.yaml': FILE, 'README.md': '# notes' });
    expect(messagesOf(result)).toEqual([
      expect.stringMatching(
        /^Plan A: "Plan A" cannot be a status folder's name; expected the slug of its document \(lower-case letters .*\), such as plan-a$/,
      ),
      expect.stringMatching(/^x#y\?z: "x#y\?z" cannot be a status folder's name; .* such as x-y-z$/),
    ]);
  });

  it('a document that could not be read: its status files are checked for their form, not reported as unknown', () => {
    const bad =
      'document: plan-b\nperiod: 2019\nsource: demo\nreportedOn: 2019-12-20\nreports:\n  - { task: t1, status: 完成了, reportingUnit: 局 }\n';
    const result = loadFolder({ 'plan-b/2019.yaml': bad }, { unreadable: new Set(['plan-b']) });
    expect(result.errors.map((e) => e.field)).toEqual(['reports[0].status']);
    // Without it, the file names a document that does not exist.
    expect(loadFolder({ 'plan-b/2019.yaml': bad }).errors.map((e) => e.field)).toEqual(['document', 'reports[0].status']);
  });

  it('a document that could not be read: a report dated after the build date is listed all the same', () => {
    const yaml =
      'document: plan-b\nperiod: 2019\nsource: demo\nreports:\n  - { task: t1, status: 已完成, reportingUnit: 局, reportedOn: 2099-01-01 }\n';
    const csv = 'document,period,task,status,reportingUnit,reportedOn,source\nplan-b,2020,t1,已完成,局,2099-01-01,demo\n';
    const result = loadFolder({ 'plan-b/2019.yaml': yaml, 'plan-b/2020.csv': csv }, { unreadable: new Set(['plan-b']) });
    expect(result.errors.map((e) => `${e.file.split('/').pop()}:${e.line}:${e.field}`)).toEqual([
      '2019.yaml:5:reports[0].reportedOn',
      '2020.csv:2:reportedOn',
    ]);
  });

  it('a report is published with its path in the content folder', () => {
    const { reports } = loadFolder({
      'plan-a/2019.yaml': FILE.replace('reports: []', 'reports:\n  - { task: t1, status: 已完成, reportingUnit: 局 }'),
    });
    expect(reports.map((r) => r.file)).toEqual(['status/plan-a/2019.yaml']);
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
    const documents = await ingestAll('content/documents');
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
