// 报送模板: for every document, a reporting template for its current period (the period of its cadence that
// holds the build date, or its last one once it has ended), in the columns `npm run import` and the status
// loader read (src/sources/status/rows.ts): one row per task, with the task's number as the document writes
// it and its title, the lead units as a helper column, and empty cells for the report. XLSX (a dropdown of
// the status words, date cells, a sheet of instructions), CSV in UTF-8 with a BOM and CSV in GB18030.
// Output bytes depend on the document and the build date alone (fixed workbook dates, fixed zip entry
// dates), so that an unchanged template is an unchanged file for the incremental build.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { REPORTED_STATUSES, STATUS_DESCRIPTIONS } from '../../domain/status-catalogue';
import type { Document, Period } from '../../domain/types';
import { taskLabel } from '../../sources/status/rows';
import { encodeGb18030 } from './gb18030';

/** The columns of a template: header, width (characters), and whether the reporting unit fills it in. */
export const TEMPLATE_COLUMNS = [
  { header: '文件', width: 24, filled: false },
  { header: '报告期', width: 16, filled: false },
  { header: '任务', width: 10, filled: false },
  { header: '任务名称', width: 40, filled: false },
  { header: '牵头单位', width: 24, filled: false },
  { header: '状态', width: 16, filled: true },
  { header: '进展情况', width: 50, filled: true },
  { header: '佐证资料', width: 30, filled: true },
  { header: '指标', width: 16, filled: true },
  { header: '报告单位', width: 20, filled: true },
  { header: '报告日期', width: 14, filled: true },
  { header: '来源', width: 30, filled: true },
] as const;

const col = (header: (typeof TEMPLATE_COLUMNS)[number]['header']) => TEMPLATE_COLUMNS.findIndex((c) => c.header === header) + 1;

export interface TemplateRow {
  /** The task as the document numbers it (（一）, 1.), or its id where the number names more than one task. */
  task: string;
  title: string;
  lead: string;
}

export interface TemplateModel {
  slug: string;
  title: string;
  period: Period;
  rows: TemplateRow[];
  /** The build date: the workbook's own dates. */
  asOf: string;
}

/**
 * A document's template for `period`, the one its reports are due for on the build date `asOf`
 * (Portal.reportingPeriodOf, as its page names it); null, no template, before the plan has begun.
 */
export function templateModel(doc: Document, period: Period | null, asOf: string): TemplateModel | null {
  if (!period) return null;
  const rows = doc.tasks.map((t) => {
    const lead = t.units.filter((u) => u.role === 'lead');
    const primary = lead.length ? lead : t.units.filter((u) => u.role === 'responsible').slice(0, 1);
    return { task: taskLabel(doc, t), title: t.title, lead: primary.map((u) => u.name).join('；') };
  });
  return { slug: doc.slug, title: doc.title ?? doc.slug, period, rows, asOf };
}

/** The period as a template writes it: its Chinese label (2019年第四季度), which the import reads back. */
const periodCell = (p: Period) => p.label;

function rowCells(m: TemplateModel, r: TemplateRow): string[] {
  return TEMPLATE_COLUMNS.map((c) =>
    c.header === '文件'
      ? m.slug
      : c.header === '报告期'
        ? periodCell(m.period)
        : c.header === '任务'
          ? r.task
          : c.header === '任务名称'
            ? r.title
            : c.header === '牵头单位'
              ? r.lead
              : '',
  );
}

// ------------------------------------------------------------------ CSV

// Text starting with these makes a spreadsheet evaluate the cell as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const csvCell = (text: string) => {
  const t = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** The template as CSV text (no BOM): header, then one row per task, CRLF line ends. */
export function templateCsvText(m: TemplateModel): string {
  const lines = [TEMPLATE_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of m.rows) lines.push(rowCells(m, r).map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** UTF-8 with a byte-order mark: what Excel opens without mojibake. */
export const templateCsvUtf8 = (m: TemplateModel): Uint8Array => Buffer.from(`\uFEFF${templateCsvText(m)}`, 'utf8');

/** GB18030: what WPS and older Excel on Chinese Windows read and save as “CSV”. */
export const templateCsvGb18030 = (m: TemplateModel): Uint8Array => encodeGb18030(templateCsvText(m));

// ------------------------------------------------------------------ XLSX

const INSTRUCTIONS = (m: TemplateModel): string[][] => [
  [`${m.title}：${m.period.label}进展报送模板`],
  [],
  ['怎么填'],
  ['1', '在“报送”工作表中，每项任务一行。只填报本单位负责的任务；不填的行导入时跳过。'],
  ['2', '“文件”“报告期”“任务”三列不要改：导入时据此找到任务。“任务名称”“牵头单位”只供参考，不会导入。'],
  ['3', '“状态”从下拉列表中选择（见下表）。'],
  ['4', '“报告日期”填日期，如 2019-10-15、2019/10/15 或 2019年10月15日。'],
  ['5', '“佐证资料”写“标题|网址”，多条以“；”分隔，如：整改公示|https://www.example.gov.cn/gk/1.html。'],
  ['6', '“指标”写“目标序号=数值单位”，多条以“；”分隔，如：0=12.5万亩（目标序号见任务页面，从 0 起）。'],
  ['7', '“来源”写官方公开来源“标题|网址”；演示数据写 demo。也可在导入时统一指定：npm run import -- 文件 --source "标题|网址"。'],
  ['8', '填好后另存为 .xlsx（或 CSV），交给网站编辑运行 npm run import -- 文件名 导入。'],
  [],
  ['状态', '含义'],
  ...REPORTED_STATUSES.map((s) => [s, STATUS_DESCRIPTIONS[s]]),
  [],
  ['说明', '“未报告”“已逾期”由网站按报告和时限推算，不能填报。'],
];

/** The workbook's own dates: the build date, at noon UTC (the same day in China and in UTC). */
const fixedDate = (asOf: string) => new Date(`${asOf}T12:00:00Z`);

/** The template as an XLSX workbook: sheet 报送 (the rows), sheet 填写说明 (instructions and the status words). */
export async function templateXlsx(m: TemplateModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const when = fixedDate(m.asOf);
  wb.creator = 'qingdan';
  wb.lastModifiedBy = 'qingdan';
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = `${m.title}：${m.period.label}报送模板`;

  const ws = wb.addWorksheet('报送', { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.filled ? 'FFFFF2CC' : 'FFE7E6E6' } };
  });
  for (const r of m.rows) {
    const row = ws.addRow(rowCells(m, r));
    row.getCell(col('任务名称')).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(col('进展情况')).alignment = { wrapText: true, vertical: 'top' };
  }
  const last = Math.max(2, m.rows.length + 1);
  const letter = (c: number) => ws.getColumn(c).letter;
  const words = REPORTED_STATUSES.join(',');
  for (let r = 2; r <= last; r++) {
    ws.getCell(`${letter(col('状态'))}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${words}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请从下拉列表中选择：${REPORTED_STATUSES.join('、')}`,
    };
    const date = ws.getCell(`${letter(col('报告日期'))}${r}`);
    date.numFmt = 'yyyy-mm-dd';
    date.dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      showErrorMessage: true,
      errorTitle: '报告日期',
      error: '请填写日期，如 2019-10-15',
    };
  }

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 100 }];
  for (const line of INSTRUCTIONS(m)) help.addRow(line);
  help.getRow(1).font = { bold: true, size: 14 };

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipDates(bytes, when);
}

/** The same zip with every entry dated `when` (exceljs dates entries by the clock): the same bytes each run. */
async function fixZipDates(bytes: Uint8Array, when: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of names) out.file(name, await zip.files[name].async('uint8array'), { date: when, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
