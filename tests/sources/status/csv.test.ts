// Status files in CSV (csv.ts): UTF-8 with BOM or GB18030, Chinese column names, quoted multi-line cells,
// lists in cells; every malformed file named with its line and column.
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStatusReports } from '../../../src/sources/status/index';
import { docs, errorsOf, expectCase, FIXTURES, statusFolder, type Case } from './helpers';

describe('loadStatusReports: well-formed files', () => {
  const reports = loadStatusReports(`${FIXTURES}/good`, docs);

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
});

const CASES: Case[] = [
  ['csv-mixed', 'plan-a/2019.csv', 3, 'source', /official data in a file whose earlier rows are demonstration.*never mixed/],
  ['csv-status', 'plan-a/2019.csv', 5, 'status', /"搞定".*expected one of the status words/],
  ['csv-binary', 'plan-a/2019.csv', null, null, /binary.*expected a CSV text file in UTF-8, GB18030 or Big5/],
  // UTF-16 (as Excel's "Unicode text" saves) is read; this file lacks the required columns.
  ['csv-utf16', 'plan-a/2019.csv', 1, 'task', /missing column "task"/],
  ['csv-header', 'plan-a/2019.csv', 1, 'state', /unknown column "state"/],
  ['csv-other-period', 'plan-a/2019.csv', 3, 'period', /one file per document and period/],
  ['csv-duplicate', 'plan-a/2019.csv', 3, 'task', /reported twice .*line 2/],
  // A UTF-8 file opened as GBK and saved again: refused once, naming the encoding, never one garbled error per row.
  ['csv-garbled', 'plan-a/2019.csv', null, null, /cannot read the CSV: the file does not read as Chinese text.*GB18030/],
  // Another spreadsheet altogether, in GB18030: one error that names the encoding read, not one per column.
  ['csv-foreign-gb18030', 'plan-a/2019.csv', 1, null, /none of the header's columns is a known one \(the file was read as GB18030/],
];

describe('loadStatusReports: every bad input fails with file, line, field and what was expected', () => {
  it.each(CASES)('%s', expectCase);
});

describe('Big5 and traditional characters', () => {
  it('a Big5 CSV with traditional column names and status words is read, its text kept as published', () => {
    const reports = loadStatusReports(`${FIXTURES}/traditional`, docs).filter((r) => r.file.endsWith('.csv'));
    expect(reports.map((r) => `${r.taskId}:${r.status}`)).toEqual(['plan-a/t1:达到序时进度', 'plan-a/t2:长期坚持', 'plan-a/t3:尚未启动']);
    expect(reports[0].progress).toBe('【示例數據（非官方）】已完成造林任務的八成。');
    expect(reports[0].reportingUnit).toBe('地區林業和草原局');
    expect(reports[0].indicators).toEqual([{ target: 0, value: 30.5 }]);
    expect(reports.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('a garbled file, or one of unknown columns, gives one error, not one per row or column', () => {
    expect(errorsOf('csv-garbled')).toHaveLength(1);
    expect(errorsOf('csv-foreign-gb18030')).toHaveLength(1);
  });
});

describe('size', () => {
  it('a status file over 10 MB is refused before it is read', () => {
    const dir = statusFolder({ 'plan-a/2019.csv': 'document,period\n' });
    truncateSync(join(dir, 'plan-a/2019.csv'), 12 * 2 ** 20);
    let message = '';
    try {
      loadStatusReports(dir, docs);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`${dir}/plan-a/2019.csv: the file is 12 MB, too large; expected a status file of at most 10 MB`);
  });
});
