// The open-data records and JSON files (records.ts): every task, unit, report and document, checked against
// their schemas, demo data labelled, and output in proportion to the tasks.
import { describe, expect, it } from 'vitest';
import { largePortal, makePortal, smallPortal } from '../../fixtures/portal-data';
import { DEMO_LABEL } from '../../../src/portal/labels';
import {
  documentsFile,
  normaliseSite,
  reportRecords,
  reportsFile,
  taskRecords,
  tasksFile,
  unitRecords,
  unitsFile,
} from '../../../src/outputs/data/records';
import { documentsFileSchema, reportsFileSchema, tasksFileSchema, unitsFileSchema } from '../../../src/outputs/data/schema';
import { reportColumns, reportsCsv, tasksCsv, unitColumns, unitsCsv } from '../../../src/outputs/data/tables';
import { departmentUrl, taskUrl, unverifiedUnitUrl } from '../../../src/domain/urls';
import { parseCsv, SITE } from './helpers';
import { hostileLinksPortal, LINK_LEAK } from '../../fixtures/hostile-links';

describe('tasks.json', () => {
  const portal = smallPortal();
  const file = tasksFile(portal, SITE);

  it('matches its documented schema exactly (no undocumented fields)', () => {
    expect(() => tasksFileSchema.parse(file)).not.toThrow();
  });

  it('has every task of every document, with its page url, full text and units', () => {
    const expected = portal.documents.flatMap((d) => d.tasks.map((t) => t.id));
    expect(file.tasks.map((t) => t.id)).toEqual(expected);
    expect(file.count).toBe(expected.length);
    for (const rec of file.tasks) {
      const view = portal.taskById.get(rec.id)!;
      expect(rec.url).toBe(taskUrl(rec.id));
      expect(rec.text).toBe(view.task.text);
      expect(rec.document.slug).toBe(view.document.slug);
      expect(rec.units.map((u) => [u.name, u.role])).toEqual(view.units.map((u) => [u.name, u.role]));
    }
  });

  it('marks demo status as demo, at the top and per task, and official status as official', () => {
    expect(file.demo).toBe(true);
    expect(file.notice?.startsWith(DEMO_LABEL)).toBe(true);
    const t1 = file.tasks.find((t) => t.id === 'ali-demo/t1')!;
    expect(t1.status).toMatchObject({ periodId: '2020', status: '已完成', demo: true });
    expect(t1.demo).toBe(true);
    const p1 = file.tasks.find((t) => t.id === 'pulan-official/p1')!;
    expect(p1.status).toMatchObject({ status: '已销号', demo: false, reportedOn: '2020-11-30' });
    expect(p1.demo).toBe(false);
  });

  it('reports 未报告 for a period without a report, and carries the overdue flag', () => {
    const t3 = file.tasks.find((t) => t.id === 'ali-demo/t3')!;
    expect(t3.status).toMatchObject({ status: '未报告', reportedOn: null, reportingUnit: null });
    expect(file.tasks.find((t) => t.id === 'ali-demo/t2')!.status?.overdue).toBe(true);
  });

  it('links units to their department, or to their own page when unverified', () => {
    const t2 = file.tasks.find((t) => t.id === 'ali-demo/t2')!;
    expect(t2.units[0]).toMatchObject({
      departmentId: '542500-stj',
      departmentName: '阿里地区生态环境局',
      verified: true,
      url: departmentUrl('542500-stj'),
    });
    expect(t2.units[1]).toMatchObject({ departmentId: null, verified: false, url: unverifiedUnitUrl('某某不存在局') });
  });

  it('has no notice when no status is demo', () => {
    const official = makePortal([
      { slug: 'x', regionCode: '542500', tasks: [{ localId: 't1', reports: { '2020': { status: '已完成', demo: false } } }] },
    ]);
    const f = tasksFile(official, SITE);
    expect(f.demo).toBe(false);
    expect(f.notice).toBeNull();
    expect(tasksFileSchema.parse(f).tasks[0].status?.demo).toBe(false);
  });

  it('refuses to build without a site URL and strips its trailing slash', () => {
    expect(() => normaliseSite(undefined)).toThrow(/site/);
    expect(normaliseSite(new URL('https://a.example/'))).toBe('https://a.example');
    expect(tasksFile(portal, normaliseSite(SITE + '/')).$schema).toBe(`${SITE}/data/tasks.schema.json`);
  });
});

describe('units, reports and documents', () => {
  const portal = smallPortal();

  it('units: one row per task unit, in JSON and CSV alike', () => {
    const rows = unitRecords(portal);
    expect(rows.length).toBe(portal.tasks.reduce((n, t) => n + t.units.length, 0));
    const file = unitsFile(portal, SITE, rows);
    expect(() => unitsFileSchema.parse(file)).not.toThrow();
    expect(file.departments.map((d) => d.id)).toEqual(portal.departments.map((d) => d.department.id));
    expect(file.departments.find((d) => d.id === '542500-hbj')).toMatchObject({ successorId: '542500-stj', primaryTaskCount: 0 });
    const csv = parseCsv(unitsCsv(rows, SITE));
    expect(csv[0]).toEqual(unitColumns(SITE).map((c) => c.name));
    expect(csv.length - 1).toBe(rows.length);
  });

  it('reports: every report, demo flagged, official source kept', () => {
    const rows = reportRecords(portal);
    expect(rows.length).toBe(portal.tasks.reduce((n, t) => n + t.reports.length, 0));
    const file = reportsFile(portal, SITE, rows);
    expect(() => reportsFileSchema.parse(file)).not.toThrow();
    expect(file.notice?.startsWith(DEMO_LABEL)).toBe(true);
    const official = rows.find((r) => r.taskId === 'pulan-official/p1')!;
    expect(official).toMatchObject({ demo: false, sourceTitle: '官方公开', sourceUrl: 'https://gov.example/1' });
    expect(rows.filter((r) => r.demo).every((r) => r.sourceTitle === null)).toBe(true);
    const csv = parseCsv(reportsCsv(rows, SITE));
    expect(csv[0]).toEqual(reportColumns(SITE).map((c) => c.name));
    expect(csv.length - 1).toBe(rows.length);
    const progressCol = csv[0].indexOf('进展情况');
    expect(csv.some((r) => r[progressCol] === '已完成 <b>验收</b> & "销号"')).toBe(true);
  });

  it('documents: metadata, task counts and periods', () => {
    const file = documentsFile(portal, SITE);
    expect(() => documentsFileSchema.parse(file)).not.toThrow();
    expect(file.documents.map((d) => [d.slug, d.taskCount, d.periods.map((p) => p.id), d.demo, d.regionName])).toEqual([
      ['ali-demo', 3, ['2019', '2020'], true, '阿里地区'],
      ['pulan-official', 1, ['2020'], false, '普兰县'],
    ]);
  });
});

describe('scale', () => {
  // Speed is measured by the benchmark (npm run bench), never asserted here; this checks that
  // a large portal goes through and that the output grows in proportion to the tasks.
  const build = (n: number) => {
    const portal = largePortal(n);
    const records = taskRecords(portal);
    const json = JSON.stringify(tasksFile(portal, SITE, records));
    const csv = tasksCsv(records, SITE);
    return { rows: records.length, csvLines: csv.trimEnd().split('\n').length, size: json.length + csv.length };
  };

  it('builds 20,000 tasks, every one a row, output proportional to the tasks', () => {
    const small = build(2_000);
    const big = build(20_000);
    expect(big.rows).toBe(20_000);
    expect(big.csvLines).toBe(20_001);
    expect(big.size / small.size).toBeGreaterThan(9);
    expect(big.size / small.size).toBeLessThan(11);
  }, 180_000);
});

describe('links in data files (the link rule, src/domain/links.ts, checked again)', () => {
  const portal = hostileLinksPortal();
  // The progress field is the note's Markdown source as written (documented so): only it may hold the text.
  const withoutNotes = (rows: ReturnType<typeof reportRecords>) => rows.map((r) => ({ ...r, progress: '' }));

  it('reports.json keeps allowed evidence and sources, and leaves refused URLs out', () => {
    const file = reportsFile(portal, SITE);
    const r2019 = file.reports.find((r) => r.taskId === 'bad-links/t1' && r.periodId === '2019')!;
    expect(r2019.evidence).toEqual([{ title: '好链接', url: 'https://www.gov.cn/evidence' }]);
    expect(r2019.sourceUrl).toBeNull();
    expect(r2019.sourceTitle).toBe('坏来源');
    expect(JSON.stringify(withoutNotes(file.reports))).not.toMatch(LINK_LEAK);
  });

  it('reports.csv, made from the same records, holds none of them', () => {
    const csv = reportsCsv(withoutNotes(reportRecords(portal)), SITE);
    expect(csv).not.toMatch(LINK_LEAK);
    expect(csv).toContain('好链接 https://www.gov.cn/evidence');
  });

  it('documents.json gives null for a refused source URL', () => {
    const file = documentsFile(portal, SITE);
    expect(file.documents.find((d) => d.slug === 'bad-links')!.sourceUrl).toBeNull();
    expect(JSON.stringify(file)).not.toMatch(LINK_LEAK);
  });
});
