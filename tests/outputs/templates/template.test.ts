// 报送模板 (src/outputs/templates/): one row per task for the current period, a dropdown of the status
// words, date cells, instructions; the same bytes on every run; filled in programmatically, it imports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingPeriodOn } from '../../../src/domain/periods';
import { REPORTED_STATUSES } from '../../../src/domain/status-catalogue';
import type { Document } from '../../../src/domain/types';
import { templateUrl } from '../../../src/domain/urls';
import { encodeGb18030 } from '../../../src/outputs/templates/gb18030';
import {
  templateCsvGb18030,
  templateCsvText,
  templateCsvUtf8,
  templateModel,
  templateXlsx,
  type TemplateModel,
} from '../../../src/outputs/templates/template';
import { loadSources } from '../../../src/sources/index';
import { readImport } from '../../../src/sources/status/import';
import { repoPath } from '../../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'qingdan-template-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Haidong's plan reports quarterly from 2019; on this date its current quarter is 2019-Q4.
const AS_OF = '2019-11-20';
let documents: Document[];
let doc: Document;
let model: TemplateModel;
beforeAll(async () => {
  documents = (await loadSources(repoPath('content'), undefined, '2026-12-03')).documents;
  doc = documents.find((d) => d.slug === 'haidong-2019-yaodian')!;
  model = templateModel(doc, reportingPeriodOn(doc.meta, AS_OF), AS_OF)!;
}, 120_000);

describe('the template of a document', () => {
  it('is for the period holding the build date, one row per task, numbered as the document writes it', () => {
    expect(model.period.id).toBe('2019-Q4');
    expect(model.rows).toHaveLength(doc.tasks.length);
    expect(model.rows[0].task).toBe(doc.tasks[0].marker || doc.tasks[0].number);
    expect(model.rows[0].title).toBe(doc.tasks[0].title);
    const notBegun = { ...doc, meta: { ...doc.meta, span: { start: '2030-01-01', end: '2031-12-31' } } };
    expect(templateModel(notBegun, reportingPeriodOn(notBegun.meta, AS_OF), AS_OF)).toBeNull();
  });

  it('is linked at /documents/<slug>/template.*', () => {
    expect(templateUrl('x', 'xlsx')).toBe('/documents/x/template.xlsx');
    expect(templateUrl('x', 'gb18030.csv')).toBe('/documents/x/template-gb18030.csv');
  });

  it('XLSX: Chinese headers, a dropdown of the status words, date cells, a sheet of instructions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await templateXlsx(model)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报送', '填写说明']);
    const ws = wb.getWorksheet('报送')!;
    expect(ws.getRow(1).values).toContain('状态');
    expect(ws.rowCount).toBe(doc.tasks.length + 1);
    const status = ws.getCell('F2').dataValidation;
    expect(status.type).toBe('list');
    for (const word of REPORTED_STATUSES) expect(status.formulae[0]).toContain(word);
    expect(ws.getCell('K2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('K2').dataValidation.type).toBe('date');
    const help = wb.getWorksheet('填写说明')!;
    const text = help.getSheetValues().flat().join(' ');
    for (const word of REPORTED_STATUSES) expect(text).toContain(word);
  });

  it('the same bytes on every run (the incremental build compares hashes)', async () => {
    const a = await templateXlsx(model);
    await new Promise((r) => setTimeout(r, 2100)); // zip dates count in 2-second steps
    const b = await templateXlsx(model);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(templateCsvGb18030(model)).equals(Buffer.from(templateCsvGb18030(model)))).toBe(true);
  }, 30_000);

  it('CSV in UTF-8 with a BOM and in GB18030: the same text', () => {
    const utf8 = templateCsvUtf8(model);
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('gb18030').decode(templateCsvGb18030(model))).toBe(templateCsvText(model));
    expect(new TextDecoder('gb18030').decode(encodeGb18030('𠀀€〇'))).toBe('𠀀€〇');
  });
});

describe('a filled template imports', () => {
  it('XLSX filled programmatically: status from the list, a date cell, the rest left blank', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await templateXlsx(model)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('报送')!;
    const fill = (row: number, status: string, day: Date) => {
      ws.getCell(`F${row}`).value = status;
      ws.getCell(`G${row}`).value = '按计划推进。';
      ws.getCell(`J${row}`).value = '市发展改革委';
      ws.getCell(`K${row}`).value = day;
      ws.getCell(`L${row}`).value = 'demo';
    };
    fill(2, REPORTED_STATUSES[2], new Date(Date.UTC(2019, 10, 15)));
    fill(4, REPORTED_STATUSES[4], new Date(Date.UTC(2019, 10, 18)));
    const file = join(work, 'filled.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const reports = await readImport([{ abs: file, name: 'filled.xlsx' }], documents, { buildDate: '2026-12-03' });
    expect(reports.map((r) => [r.taskId, r.period.id, r.status, r.reportedOn, r.line])).toEqual([
      [doc.tasks[0].id, '2019-Q4', REPORTED_STATUSES[2], '2019-11-15', 2],
      [doc.tasks[2].id, '2019-Q4', REPORTED_STATUSES[4], '2019-11-18', 4],
    ]);
  });

  it('GB18030 CSV filled in a text editor, a bad status named with its row', async () => {
    const lines = templateCsvText(model).split('\r\n');
    const cells = lines[1].split(',');
    cells[5] = '搞定';
    cells[9] = '市发展改革委';
    cells[10] = '2019/11/15';
    cells[11] = 'demo';
    lines[1] = cells.join(',');
    const file = join(work, 'filled.csv');
    writeFileSync(file, encodeGb18030(lines.join('\r\n')));
    await expect(readImport([{ abs: file, name: 'filled.csv' }], documents, { buildDate: '2026-12-03' })).rejects.toThrow(
      /filled\.csv, line 2, field "状态": .*搞定/,
    );
  });
});
