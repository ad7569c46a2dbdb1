// The CSV files: one flat row per JSON record, columns named after the JSON fields they come from.
// Lists inside a cell are joined with "；" (a full-width semicolon, which unit names and targets do
// not contain as a separator); `url` cells are full URLs so that spreadsheet links are clickable.
import { ROLES, ROLE_LABELS, type Role } from '../../domain/types';
import { toCsv, type CsvColumn } from './csv';
import type { ReportRecord, TaskRecord, UnitRecord } from './schema';
import { DEMO_LABEL } from '../../portal/labels';

export const LIST_SEPARATOR = '；';

const join = (items: readonly (string | null)[]) => items.filter((s): s is string => !!s).join(LIST_SEPARATOR);
const yesNo = (b: boolean) => (b ? 'true' : 'false');

function unitsWithRole(role: Role): CsvColumn<TaskRecord> {
  return {
    name: `units.${role}`,
    description: `${ROLE_LABELS[role]}（按文件写法，多个以“；”分隔）`,
    get: (t) => join(t.units.filter((u) => u.role === role).map((u) => u.name)),
  };
}

export function taskColumns(site: string): CsvColumn<TaskRecord>[] {
  return [
    { name: 'id', description: '任务编号（全站唯一且稳定）', get: (t) => t.id },
    { name: 'url', description: '任务页面的完整网址', get: (t) => site + t.url },
    { name: 'document.slug', description: '文件编号', get: (t) => t.document.slug },
    { name: 'document.title', description: '文件标题', get: (t) => t.document.title },
    { name: 'document.docNumber', description: '发文字号', get: (t) => t.document.docNumber },
    { name: 'document.regionCode', description: '行政区划代码', get: (t) => t.document.regionCode },
    { name: 'kind', description: 'task 任务；problem 整改问题', get: (t) => t.kind },
    { name: 'number', description: '任务序号（按原文）', get: (t) => t.number },
    { name: 'sections', description: '所在章节，由外到内，以“；”分隔', get: (t) => join(t.sections.map((s) => `${s.number} ${s.title}`)) },
    { name: 'title', description: '简短标题', get: (t) => t.title },
    { name: 'text', description: '任务全文', get: (t) => t.text },
    ...ROLES.map(unitsWithRole),
    { name: 'deadlines', description: '完成时限原文，以“；”分隔', get: (t) => join(t.deadlines.map((d) => d.text)) },
    {
      name: 'deadlines.date',
      description: '完成时限日期（YYYY-MM-DD），以“；”分隔；长期类时限不列',
      get: (t) => join(t.deadlines.map((d) => d.date)),
    },
    { name: 'targets', description: '目标原文，以“；”分隔', get: (t) => join(t.targets.map((x) => x.text)) },
    { name: 'measures', description: '整改措施条数', get: (t) => t.measures.length },
    { name: 'status.periodId', description: '最新报告期编号', get: (t) => t.status?.periodId ?? null },
    { name: 'status', description: '最新报告期的进展状态', get: (t) => t.status?.status ?? null },
    { name: 'status.overdue', description: '是否已逾期（true/false）', get: (t) => (t.status ? yesNo(t.status.overdue) : null) },
    { name: 'status.reportedOn', description: '报告日期', get: (t) => t.status?.reportedOn ?? null },
    { name: 'status.reportingUnit', description: '报告单位', get: (t) => t.status?.reportingUnit ?? null },
    ...demoColumns<TaskRecord>('进展状态是否为示例数据（true/false）', (t) => t.demo || t.status?.demo === true),
    { name: 'sourceFile', description: '源文件在内容目录中的路径', get: (t) => t.sourceFile },
    { name: 'lineStart', description: '源文件起始行号', get: (t) => t.lineStart },
    { name: 'lineEnd', description: '源文件结束行号', get: (t) => t.lineEnd },
  ];
}

/** The task a row belongs to: its id, page and document. */
function taskRefColumns<R extends { taskId: string; taskUrl: string; documentSlug: string }>(site: string): CsvColumn<R>[] {
  return [
    { name: 'taskId', description: '任务编号', get: (r) => r.taskId },
    { name: 'taskUrl', description: '任务页面的完整网址', get: (r) => site + r.taskUrl },
    { name: 'documentSlug', description: '文件编号', get: (r) => r.documentSlug },
  ];
}

/** Whether a row is demonstration data, as a flag and as the label readers see. */
function demoColumns<R>(description: string, isDemo: (row: R) => boolean): CsvColumn<R>[] {
  return [
    { name: 'demo', description, get: (r) => yesNo(isDemo(r)) },
    { name: 'notice', description: `示例数据时为“${DEMO_LABEL}”，否则为空`, get: (r) => (isDemo(r) ? DEMO_LABEL : null) },
  ];
}

export function unitColumns(site: string): CsvColumn<UnitRecord>[] {
  return [
    ...taskRefColumns<UnitRecord>(site),
    { name: 'taskNumber', description: '任务序号（按原文）', get: (u) => u.taskNumber },
    { name: 'name', description: '单位名称（按文件写法）', get: (u) => u.name },
    { name: 'written', description: '原文写法（与 name 不同时）', get: (u) => u.written },
    { name: 'role', description: '参与方式代码：lead、responsible、partner、supervisor、mentioned', get: (u) => u.role },
    { name: 'roleLabel', description: '参与方式中文名称', get: (u) => u.roleLabel },
    { name: 'departmentId', description: '登记册部门编号', get: (u) => u.departmentId },
    { name: 'departmentName', description: '登记册部门正式名称', get: (u) => u.departmentName },
    { name: 'regionCode', description: '部门所属行政区划代码', get: (u) => u.regionCode },
    { name: 'verified', description: '是否已核实（true/false）', get: (u) => yesNo(u.verified) },
    { name: 'url', description: '单位页面的完整网址', get: (u) => site + u.url },
  ];
}

export function reportColumns(site: string): CsvColumn<ReportRecord>[] {
  return [
    ...taskRefColumns<ReportRecord>(site),
    { name: 'periodId', description: '报告期编号', get: (r) => r.periodId },
    { name: 'periodLabel', description: '报告期名称', get: (r) => r.periodLabel },
    { name: 'periodStart', description: '报告期第一天', get: (r) => r.periodStart },
    { name: 'periodEnd', description: '报告期最后一天', get: (r) => r.periodEnd },
    { name: 'status', description: '报告的进展状态', get: (r) => r.status },
    { name: 'progress', description: '进展情况（Markdown 原文）', get: (r) => r.progress },
    { name: 'reportingUnit', description: '报告单位', get: (r) => r.reportingUnit },
    { name: 'reportedOn', description: '报告日期', get: (r) => r.reportedOn },
    { name: 'evidence', description: '佐证资料：“标题 网址”，以“；”分隔', get: (r) => join(r.evidence.map((e) => `${e.title} ${e.url}`)) },
    {
      name: 'indicators',
      description: '指标完成值：“目标序号:数值单位”，以“；”分隔',
      get: (r) => join(r.indicators.map((i) => `${i.target}:${i.value}${i.unit ?? ''}${i.note ? `（${i.note}）` : ''}`)),
    },
    ...demoColumns<ReportRecord>('是否为示例数据（true/false）', (r) => r.demo),
    { name: 'sourceTitle', description: '官方公开来源的标题', get: (r) => r.sourceTitle },
    { name: 'sourceUrl', description: '官方公开来源的网址', get: (r) => r.sourceUrl },
    { name: 'file', description: '状态数据文件在内容目录中的路径', get: (r) => r.file },
    { name: 'line', description: '行号', get: (r) => r.line },
  ];
}

export const tasksCsv = (records: readonly TaskRecord[], site: string) => toCsv(taskColumns(site), records);
export const unitsCsv = (rows: readonly UnitRecord[], site: string) => toCsv(unitColumns(site), rows);
export const reportsCsv = (rows: readonly ReportRecord[], site: string) => toCsv(reportColumns(site), rows);
