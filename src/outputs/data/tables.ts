// The CSV files: one flat row per JSON record, for spreadsheet readers first. Headers are Chinese, in
// the glossary's words (任务编号, 牵头单位, 完成时限…), and each column names the JSON field it comes from
// (shown on /data/), so scripts can map one to the other. Yes/no cells read 是/否; region names stand
// beside region codes. Lists inside a cell are joined with "；" (a full-width semicolon, which unit names
// and targets do not contain as a separator); 网址 cells are full URLs so that spreadsheet links are
// clickable.
import { ROLES, ROLE_LABELS, type Role } from '../../domain/types';
import { csvFile, csvHeader, csvLine, toCsv, type CsvColumn } from './csv';
import type { ReportRecord, TaskRecord, UnitRecord } from './schema';
import { DEMO_LABEL } from '../../portal/labels';
import { STATUS } from '../../domain/status-catalogue';

export const LIST_SEPARATOR = '；';
export const YES = '是';
export const NO = '否';

const join = (items: readonly (string | null)[]) => items.filter((s): s is string => !!s).join(LIST_SEPARATOR);
const yesNo = (b: boolean) => (b ? YES : NO);
const KIND_LABELS: Record<TaskRecord['kind'], string> = { task: '任务', problem: '整改问题' };

/** The header of a role's column: 牵头单位, 责任单位, 配合单位, 督导单位, 文中提及单位. */
export const roleHeader = (role: Role) => (ROLE_LABELS[role].endsWith('单位') ? ROLE_LABELS[role] : `${ROLE_LABELS[role]}单位`);

function unitsWithRole(role: Role): CsvColumn<TaskRecord> {
  return {
    name: roleHeader(role),
    field: `units[].name（role = ${role}）`,
    description: `${ROLE_LABELS[role]}（按文件写法，多个以“；”分隔）`,
    get: (t) => join(t.units.filter((u) => u.role === role).map((u) => u.name)),
  };
}

export function taskColumns(site: string): CsvColumn<TaskRecord>[] {
  return [
    { name: '任务编号', field: 'id', description: '全站唯一且稳定：文件编号/文件内编号', get: (t) => t.id },
    { name: '任务网址', field: 'url', description: '任务页面的完整网址', get: (t) => site + t.url },
    { name: '文件编号', field: 'document.slug', description: '文件在本站网址中的编号', get: (t) => t.document.slug },
    { name: '文件标题', field: 'document.title', description: '文件标题', get: (t) => t.document.title },
    { name: '发文字号', field: 'document.docNumber', description: '如“阿行发〔2018〕66号”', get: (t) => t.document.docNumber },
    { name: '区划代码', field: 'document.regionCode', description: '文件所属行政区划的代码（6位）', get: (t) => t.document.regionCode },
    { name: '行政区划', field: 'document.regionName', description: '文件所属行政区划的名称', get: (t) => t.document.regionName },
    { name: '类型', field: 'kind', description: '任务；整改问题（整改方案中的问题）', get: (t) => KIND_LABELS[t.kind] },
    { name: '任务序号', field: 'number', description: '任务序号（按原文）', get: (t) => t.number },
    {
      name: '所在章节',
      field: 'sections',
      description: '所在章节，由外到内，以“；”分隔',
      get: (t) => join(t.sections.map((s) => `${s.number} ${s.title}`)),
    },
    { name: '任务', field: 'title', description: '简短标题：正文第一句，不含序号', get: (t) => t.title },
    { name: '任务全文', field: 'text', description: '任务全文（含单位括注），不含序号', get: (t) => t.text },
    ...ROLES.map(unitsWithRole),
    {
      name: '完成时限',
      field: 'deadlines[].text',
      description: '完成时限原文，以“；”分隔',
      get: (t) => join(t.deadlines.map((d) => d.text)),
    },
    {
      name: '完成时限日期',
      field: 'deadlines[].date',
      description: '完成时限日期（YYYY-MM-DD），以“；”分隔；长期类时限不列',
      get: (t) => join(t.deadlines.map((d) => d.date)),
    },
    {
      name: '最终完成时限',
      field: 'finalDeadline.date',
      description: '判断是否逾期所依据的日期（YYYY-MM-DD）；只有长期性要求时为空',
      get: (t) => t.finalDeadline.date,
    },
    {
      name: '时限来源',
      field: 'finalDeadline.sourceLabel',
      description: '原文写明；原文未写明，按文件实施期限截止日计；只有长期性要求，不计逾期',
      get: (t) => t.finalDeadline.sourceLabel,
    },
    { name: '目标', field: 'targets[].text', description: '目标原文，以“；”分隔', get: (t) => join(t.targets.map((x) => x.text)) },
    { name: '整改措施条数', field: 'measures', description: '整改措施条数', get: (t) => t.measures.length },
    {
      name: '截至日期',
      field: 'status.asOf',
      description: '状态截至的日期（生成日期，YYYY-MM-DD）：当前状态与是否逾期按这一天判断',
      get: (t) => t.status?.asOf ?? null,
    },
    {
      name: '当前报告期',
      field: 'status.periodLabel',
      description: '包含截至日期的报告期（文件实施期已结束的，为其后一期），如“2026年第四季度”',
      get: (t) => t.status?.periodLabel ?? null,
    },
    { name: '当前报告期编号', field: 'status.periodId', description: '如 2026、2026-Q4、2026-12', get: (t) => t.status?.periodId ?? null },
    {
      name: '当前状态',
      field: 'status.status',
      description: '当前报告期的进展状态；该期没有报告的为“未报告”',
      get: (t) => t.status?.status ?? null,
    },
    {
      name: STATUS.overdue,
      field: 'status.overdue',
      description: '是：截至日期时最终完成时限已过而未完成；否',
      get: (t) => (t.status ? yesNo(t.status.overdue) : null),
    },
    {
      name: '最近一次报告期',
      field: 'status.lastReportedPeriodLabel',
      description: '最近一次有这项任务报告的报告期；从未报告时为空',
      get: (t) => t.status?.lastReportedPeriodLabel ?? null,
    },
    {
      name: '最近一次报告日期',
      field: 'status.lastReportedOn',
      description: '最近一次报告的报告日期（YYYY-MM-DD）',
      get: (t) => t.status?.lastReportedOn ?? null,
    },
    {
      name: '本期报告日期',
      field: 'status.reportedOn',
      description: '当前报告期的报告日期；该期未报告时为空',
      get: (t) => t.status?.reportedOn ?? null,
    },
    {
      name: '本期报告单位',
      field: 'status.reportingUnit',
      description: '当前报告期的报告单位；该期未报告时为空',
      get: (t) => t.status?.reportingUnit ?? null,
    },
    ...demoColumns<TaskRecord>('进展状态是否为示例数据：是；否', (t) => t.demo || t.status?.demo === true, 'demo'),
    { name: '源文件', field: 'sourceFile', description: '源文件在内容目录中的路径', get: (t) => t.sourceFile },
    { name: '起始行', field: 'lineStart', description: '任务在源文件中的起始行号', get: (t) => t.lineStart },
    { name: '结束行', field: 'lineEnd', description: '任务在源文件中的结束行号', get: (t) => t.lineEnd },
  ];
}

/** The task a row belongs to: its id, page and document. */
function taskRefColumns<R extends { taskId: string; taskUrl: string; documentSlug: string }>(site: string): CsvColumn<R>[] {
  return [
    { name: '任务编号', field: 'taskId', description: '任务编号（与 tasks.csv 相同）', get: (r) => r.taskId },
    { name: '任务网址', field: 'taskUrl', description: '任务页面的完整网址', get: (r) => site + r.taskUrl },
    { name: '文件编号', field: 'documentSlug', description: '文件编号', get: (r) => r.documentSlug },
  ];
}

/** Whether a row is demonstration data, as a flag and as the label readers see. */
function demoColumns<R>(description: string, isDemo: (row: R) => boolean, field: string): CsvColumn<R>[] {
  return [
    { name: '示例数据', field, description, get: (r) => yesNo(isDemo(r)) },
    {
      name: '示例说明',
      field: 'notice',
      description: `示例数据时为“${DEMO_LABEL}”，否则为空`,
      get: (r) => (isDemo(r) ? DEMO_LABEL : null),
    },
  ];
}

export function unitColumns(site: string): CsvColumn<UnitRecord>[] {
  return [
    ...taskRefColumns<UnitRecord>(site),
    { name: '任务序号', field: 'taskNumber', description: '任务序号（按原文）', get: (u) => u.taskNumber },
    { name: '单位', field: 'name', description: '单位名称（按文件写法）', get: (u) => u.name },
    { name: '原文写法', field: 'written', description: '原文写法（与“单位”不同时）', get: (u) => u.written },
    { name: '参与方式', field: 'roleLabel', description: '牵头单位、责任单位、配合单位、督导单位、文中提及', get: (u) => u.roleLabel },
    {
      name: '参与方式代码',
      field: 'role',
      description: '参与方式的代码：lead、responsible、partner、supervisor、mentioned',
      get: (u) => u.role,
    },
    { name: '部门编号', field: 'departmentId', description: '机构名录中的部门编号', get: (u) => u.departmentId },
    { name: '部门名称', field: 'departmentName', description: '机构名录中的正式名称', get: (u) => u.departmentName },
    { name: '区划代码', field: 'regionCode', description: '部门所属行政区划的代码', get: (u) => u.regionCode },
    { name: '行政区划', field: 'regionName', description: '部门所属行政区划的名称', get: (u) => u.regionName },
    { name: '已核实', field: 'verified', description: '单位名称是否已在机构名录中核实：是；否', get: (u) => yesNo(u.verified) },
    { name: '单位网址', field: 'url', description: '单位页面的完整网址', get: (u) => site + u.url },
  ];
}

export function reportColumns(site: string): CsvColumn<ReportRecord>[] {
  return [
    ...taskRefColumns<ReportRecord>(site),
    { name: '报告期编号', field: 'periodId', description: '如 2019、2019-Q3、2019-07', get: (r) => r.periodId },
    { name: '报告期', field: 'periodLabel', description: '报告期名称，如“2019年第三季度”', get: (r) => r.periodLabel },
    { name: '报告期开始', field: 'periodStart', description: '报告期第一天', get: (r) => r.periodStart },
    { name: '报告期结束', field: 'periodEnd', description: '报告期最后一天', get: (r) => r.periodEnd },
    { name: '进展状态', field: 'status', description: '报告的进展状态', get: (r) => r.status },
    { name: '进展情况', field: 'progress', description: '进展情况（Markdown 原文）', get: (r) => r.progress },
    { name: '报告单位', field: 'reportingUnit', description: '报告单位', get: (r) => r.reportingUnit },
    { name: '报告日期', field: 'reportedOn', description: '报告日期', get: (r) => r.reportedOn },
    {
      name: '佐证资料',
      field: 'evidence',
      description: '“标题 网址”，以“；”分隔',
      get: (r) => join(r.evidence.map((e) => `${e.title} ${e.url}`)),
    },
    {
      name: '指标完成值',
      field: 'indicators',
      description: '“目标序号:数值单位”，以“；”分隔',
      get: (r) => join(r.indicators.map((i) => `${i.target}:${i.value}${i.unit ?? ''}${i.note ? `（${i.note}）` : ''}`)),
    },
    ...demoColumns<ReportRecord>('是否为示例数据：是；否', (r) => r.demo, 'demo'),
    { name: '来源标题', field: 'sourceTitle', description: '官方公开来源的标题', get: (r) => r.sourceTitle },
    { name: '来源网址', field: 'sourceUrl', description: '官方公开来源的网址', get: (r) => r.sourceUrl },
    { name: '状态数据文件', field: 'file', description: '状态数据文件在内容目录中的路径', get: (r) => r.file },
    { name: '行号', field: 'line', description: '在状态数据文件中的行号', get: (r) => r.line },
  ];
}

export const tasksCsv = (records: readonly TaskRecord[], site: string) => toCsv(taskColumns(site), records);
export const unitsCsv = (rows: readonly UnitRecord[], site: string) => toCsv(unitColumns(site), rows);
export const reportsCsv = (rows: readonly ReportRecord[], site: string) => toCsv(reportColumns(site), rows);

/**
 * Task CSVs of parts of the portal (a region, a document) from the rows of tasks.csv: each task's line
 * is made once, and each part's file is its header and its tasks' lines, in tasks.csv order.
 */
export function taskCsvLines(records: readonly TaskRecord[], site: string): { header: string; lines: string[] } {
  const columns = taskColumns(site);
  return { header: csvHeader(columns), lines: records.map((r) => csvLine(columns, r)) };
}

export const partCsv = (header: string, lines: readonly string[], indexes: Iterable<number>) => {
  const picked: string[] = [];
  for (const i of indexes) picked.push(lines[i]);
  return csvFile(header, picked);
};
