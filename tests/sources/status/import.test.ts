// `npm run import` without the command line (src/sources/status/import.ts): the site's own
// /data/reports.csv fed back gives the same reports (round trip), into an empty status folder gives
// files that rebuild the same /data/reports.json, and into the content that made it changes nothing.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceErrors } from '../../../src/domain/source-error';
import type { Document, StatusReport } from '../../../src/domain/types';
import { reportRecords, reportsFile } from '../../../src/outputs/data/records';
import { reportsCsv } from '../../../src/outputs/data/tables';
import { buildPortal } from '../../../src/portal/portal';
import { loadSources, type Sources } from '../../../src/sources/index';
import { planImport, readImport } from '../../../src/sources/status/import';
import { reportContent } from '../../../src/sources/status/write';
import { repoPath } from '../../helpers/repo';

const BUILD_DATE = '2026-12-03';
const SITE = 'https://qingdan.example.cn';
const work = mkdtempSync(join(tmpdir(), 'qingdan-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let sources: Sources;
let documents: Document[];
let csvPath: string;
beforeAll(async () => {
  sources = await loadSources(repoPath('content'), undefined, BUILD_DATE);
  documents = sources.documents;
  csvPath = join(work, 'reports.csv');
  writeFileSync(csvPath, reportsCsv(reportRecords(buildPortal(sources, BUILD_DATE)), SITE));
}, 120_000);

const contentOf = (reports: readonly StatusReport[]) => reports.map(reportContent).sort();

describe('/data/reports.csv fed back', () => {
  it('validates, every report read as it was exported', async () => {
    const imported = await readImport([{ abs: csvPath, name: 'reports.csv' }], documents, { buildDate: BUILD_DATE });
    expect(imported.length).toBe(sources.reports.length);
    expect(imported.length).toBeGreaterThan(100);
    expect(contentOf(imported)).toEqual(contentOf(sources.reports));
  });

  it('into the content that made it: nothing changes, nothing is written', async () => {
    const imported = await readImport([{ abs: csvPath, name: 'reports.csv' }], documents, { buildDate: BUILD_DATE });
    const plan = planImport(imported, sources.reports, documents, repoPath('content'), { buildDate: BUILD_DATE });
    expect(plan.errors).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.files.every((f) => f.text === undefined && f.added.length === 0 && f.changed.length === 0)).toBe(true);
  });

  it('into an empty status folder: the files written rebuild the same /data/reports.json (lines aside, .csv files now .yaml)', async () => {
    const root = join(work, 'content');
    cpSync(repoPath('content', 'documents'), join(root, 'documents'), { recursive: true });
    cpSync(repoPath('content', 'registry'), join(root, 'registry'), { recursive: true });
    mkdirSync(join(root, 'status'));
    const imported = await readImport([{ abs: csvPath, name: 'reports.csv' }], documents, { buildDate: BUILD_DATE });
    const plan = planImport(imported, [], documents, root, { buildDate: BUILD_DATE });
    expect(plan.errors).toEqual([]);
    for (const f of plan.files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.text!);
    }
    const again = await loadSources(root, undefined, BUILD_DATE);
    const strip = (s: Sources) =>
      reportsFile(buildPortal(s, BUILD_DATE), SITE).reports.map(({ line: _line, file, ...r }) => ({
        ...r,
        file: file.replace(/\.csv$/, '.yaml'),
      }));
    expect(strip(again)).toEqual(strip(sources));
  });

  it('a changed report is a conflict unless forced', async () => {
    const imported = await readImport([{ abs: csvPath, name: 'reports.csv' }], documents, { buildDate: BUILD_DATE });
    const edited = imported.map((r, i) => (i === 0 ? { ...r, progress: `${r.progress} 补充。` } : r));
    const plan = planImport(edited, sources.reports, documents, repoPath('content'), { buildDate: BUILD_DATE });
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0].task).toBe(imported[0].taskId.split('/')[1]);
    const forced = planImport(edited, sources.reports, documents, repoPath('content'), { buildDate: BUILD_DATE, force: true });
    expect(forced.conflicts).toEqual([]);
    const file = forced.files.find((f) => f.changed.length === 1)!;
    expect(file.text).toContain('补充。');
  });
});

describe('a filled table as editors write it', () => {
  const doc = () => documents.find((d) => d.slug === 'haidong-2019-yaodian')!;

  it('task numbers as written, helper columns, Excel dates, periods in words: read; every error at once with row and column', async () => {
    const d = doc();
    const [t1, t2] = d.tasks;
    const good = [
      '文件,报告期,任务,任务名称,状态,进展情况,报告单位,报告日期,来源,备注',
      `${d.slug},2019年第四季度,${t1.marker},${t1.title},已完成,完成。,市发展改革委,2019/12/5,demo,随便写`,
      `${d.slug},2019Q4,${t2.marker},,达到序时进度,,市发展改革委,2019年12月6日,demo,`,
      `${d.slug},2019年第四季度,${d.tasks[2].marker},${d.tasks[2].title},,,,,,`, // untouched template row
    ].join('\n');
    writeFileSync(join(work, 'good.csv'), good);
    const reports = await readImport([{ abs: join(work, 'good.csv'), name: 'good.csv' }], documents, { buildDate: BUILD_DATE });
    expect(reports.map((r) => [r.taskId, r.period.id, r.reportedOn])).toEqual([
      [t1.id, '2019-Q4', '2019-12-05'],
      [t2.id, '2019-Q4', '2019-12-06'],
    ]);

    const bad = [
      '文件,报告期,任务,状态,报告单位,报告日期,来源',
      `${d.slug},2019年第四季度,${t1.marker},搞定,市发展改革委,2019/12/5,demo`,
      `${d.slug},2019年第四季度,（九百九十九）,已完成,市发展改革委,2019/12/5,demo`,
      `${d.slug},2019年第四季度,${t2.marker},已完成,市发展改革委,2019/2/30,demo`,
    ].join('\n');
    writeFileSync(join(work, 'bad.csv'), bad);
    const e = await readImport([{ abs: join(work, 'bad.csv'), name: 'bad.csv' }], documents, { buildDate: BUILD_DATE }).catch((x) => x);
    expect(e).toBeInstanceOf(SourceErrors);
    const messages = (e as SourceErrors).errors.map((x) => x.message);
    expect(messages).toEqual([
      expect.stringMatching(/^bad\.csv, line 2, field "状态": .*搞定/),
      expect.stringMatching(/^bad\.csv, line 3, field "任务": .*九百九十九/),
      expect.stringMatching(/^bad\.csv, line 4, field "报告日期": .*2019\/2\/30/),
    ]);
  });

  it('--source gives the rows without one their source; --document refuses rows of another', async () => {
    const d = doc();
    writeFileSync(
      join(work, 'nosource.csv'),
      `文件,报告期,任务,状态,报告单位,报告日期\n${d.slug},2019-Q4,${d.tasks[0].marker},已完成,市发展改革委,2019-12-05\n`,
    );
    const file = [{ abs: join(work, 'nosource.csv'), name: 'nosource.csv' }];
    const [r] = await readImport(file, documents, { buildDate: BUILD_DATE, defaultSource: 'demo' });
    expect(r.source).toBe('demo');
    await expect(readImport(file, documents, { buildDate: BUILD_DATE })).rejects.toThrow(/missing column "source"/);
    await expect(
      readImport(file, documents, { buildDate: BUILD_DATE, defaultSource: 'demo', document: 'ali-2018-meili-xizang' }),
    ).rejects.toThrow(/only reports of ali-2018-meili-xizang/);
  });
});
