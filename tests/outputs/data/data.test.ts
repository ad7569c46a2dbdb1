import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../../src/outputs/data/csv';
import { DATA_FILE_DOCS, fileJsonSchema, flattenSchema } from '../../../src/outputs/data/docs';
import { largePortal, makePortal, smallPortal } from '../../fixtures/portal-data';
import { DEMO_LABEL } from '../../../src/portal/labels';
import {
  DATA_FILES,
  documentsFile,
  reportRecords,
  reportsFile,
  taskRecords,
  tasksFile,
  unitRecords,
  unitsFile,
  normaliseSite,
} from '../../../src/outputs/data/records';
import { WRITTEN_DATA_FILES } from '../../../src/outputs/data/files';
import { dataFiles, dataStage } from '../../../src/outputs/data/stage';
import { documentsFileSchema, reportsFileSchema, tasksFileSchema, unitsFileSchema } from '../../../src/outputs/data/schema';
import { LIST_SEPARATOR, reportColumns, reportsCsv, taskColumns, tasksCsv, unitColumns, unitsCsv } from '../../../src/outputs/data/tables';
import { departmentUrl, taskUrl, unverifiedUnitUrl } from '../../../src/domain/urls';

const SITE = 'https://qingdan.example.cn';

function parseCsv(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('csvCell', () => {
  it('quotes only when RFC 4180 requires it and doubles quotes', () => {
    expect(csvCell('plain 文本')).toBe('plain 文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(38.5)).toBe('38.5');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends records with CRLF and round-trips through papaparse', () => {
    const rows = [
      { a: 'x,y', b: 'multi\nline "q"' },
      { a: '中文', b: '' },
    ];
    const csv = toCsv(
      [
        { name: 'a', description: '', get: (r: (typeof rows)[number]) => r.a },
        { name: 'b', description: '', get: (r: (typeof rows)[number]) => r.b },
      ],
      rows,
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['x,y', 'multi\nline "q"'],
      ['中文', ''],
    ]);
  });
});

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

describe('tasks.csv', () => {
  const portal = smallPortal();
  const records = taskRecords(portal);
  const rows = parseCsv(tasksCsv(records, SITE));
  const head = rows[0];
  const col = (row: string[], name: string) => row[head.indexOf(name)];

  it('has one row per task under the documented header', () => {
    expect(head).toEqual(taskColumns(SITE).map((c) => c.name));
    expect(rows.length - 1).toBe(records.length);
    expect(rows.slice(1).map((r) => col(r, 'id'))).toEqual(records.map((r) => r.id));
  });

  it('keeps hostile text intact apart from the formula guard', () => {
    const t1 = rows.find((r) => col(r, 'id') === 'ali-demo/t1')!;
    expect(col(t1, 'text')).toBe(`'${portal.taskById.get('ali-demo/t1')!.task.text}`);
    const t2 = rows.find((r) => col(r, 'id') === 'ali-demo/t2')!;
    expect(col(t2, 'text').startsWith("'-1个试点")).toBe(true);
  });

  it('gives full urls, units by role and the demo columns', () => {
    const t1 = rows.find((r) => col(r, 'id') === 'ali-demo/t1')!;
    expect(col(t1, 'url')).toBe(`${SITE}/tasks/ali-demo/t1/`);
    expect(col(t1, 'units.lead')).toBe('地区农牧局');
    expect(col(t1, 'units.partner')).toBe('地区环保局');
    expect(col(t1, 'demo')).toBe('true');
    expect(col(t1, 'notice')).toBe(DEMO_LABEL);
    const t2 = rows.find((r) => col(r, 'id') === 'ali-demo/t2')!;
    expect(col(t2, 'units.responsible')).toBe(['阿里地区生态环境局', '某某不存在局'].join(LIST_SEPARATOR));
    const p1 = rows.find((r) => col(r, 'id') === 'pulan-official/p1')!;
    expect([col(p1, 'demo'), col(p1, 'notice'), col(p1, 'status')]).toEqual(['false', '', '已销号']);
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
    const progressCol = csv[0].indexOf('progress');
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

describe('documentation of the files', () => {
  it('describes every field of every JSON file in Chinese', () => {
    for (const doc of DATA_FILE_DOCS) {
      const fields = flattenSchema(fileJsonSchema(doc, SITE));
      expect(fields.length).toBeGreaterThan(5);
      for (const f of fields) expect(f.description, `${doc.key}: ${f.path}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('lists nested fields and enumerations', () => {
    const fields = flattenSchema(fileJsonSchema(DATA_FILE_DOCS[0], SITE));
    const role = fields.find((f) => f.path === 'tasks[].units[].role');
    expect(role?.values).toEqual(['lead', 'responsible', 'partner', 'supervisor', 'mentioned']);
    expect(fields.find((f) => f.path === 'tasks[].status')?.type).toMatch(/null/);
    expect(fields.find((f) => f.path === 'tasks[].status.status')?.values).toContain('未报告');
  });

  it('gives the schema an id under the site and describes every CSV column', () => {
    expect(fileJsonSchema(DATA_FILE_DOCS[0], SITE).$id).toBe(`${SITE}/data/tasks.schema.json`);
    for (const cols of [taskColumns(SITE), unitColumns(SITE), reportColumns(SITE)]) {
      expect(new Set(cols.map((c) => c.name)).size).toBe(cols.length);
      for (const c of cols) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
    }
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

describe('dataStage', () => {
  it('writes every data file at its public path, each the file the records make, with nothing left aside', () => {
    const portal = smallPortal();
    const outDir = mkdtempSync(join(tmpdir(), 'qingdan-data-stage-'));
    try {
      const lines: string[] = [];
      dataStage(portal, {
        outDir,
        root: outDir,
        site: `${SITE}/`,
        logger: () => ({ info: (l) => lines.push(l), warn: (l) => lines.push(l) }),
      });
      const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
      const paths = WRITTEN_DATA_FILES.map((p) => `/${p}`);
      expect(
        dataFiles(portal, SITE)
          .map((f) => f.path)
          .sort(),
      ).toEqual([...paths].sort());
      expect(JSON.parse(read(DATA_FILES.tasks.json))).toEqual(JSON.parse(JSON.stringify(tasksFile(portal, SITE))));
      expect(tasksFileSchema.safeParse(JSON.parse(read(DATA_FILES.tasks.json))).success).toBe(true);
      expect(JSON.parse(read(DATA_FILES.reports.json))).toEqual(JSON.parse(JSON.stringify(reportsFile(portal, SITE))));
      expect(JSON.parse(read(DATA_FILES.units.json))).toEqual(JSON.parse(JSON.stringify(unitsFile(portal, SITE))));
      expect(JSON.parse(read(DATA_FILES.documents.json))).toEqual(JSON.parse(JSON.stringify(documentsFile(portal, SITE))));
      expect(read(DATA_FILES.tasks.csv)).toBe(tasksCsv(taskRecords(portal), SITE));
      expect(read(DATA_FILES.units.csv)).toBe(unitsCsv(unitRecords(portal), SITE));
      expect(read(DATA_FILES.reports.csv)).toBe(reportsCsv(reportRecords(portal), SITE));
      expect(readdirSync(join(outDir, 'data')).sort()).toEqual(paths.map((p) => p.replace('/data/', '')).sort());
      expect(lines.at(-1)).toMatch(/^data: 7 files, [\d.]+ MB in [\d.]+ s$/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
