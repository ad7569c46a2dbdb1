// The documented shape of every open-data file, in one place. The zod schemas are the single source:
// builders are typed from them, tests validate built files against them (strict: an undocumented
// field fails), /data/tasks.schema.json is generated from them, and /data/ renders its field tables
// from their Chinese descriptions. Field names are a public interface: add, never rename.
import { z } from 'zod';
import { ROLES } from '../../domain/types';
import { DERIVED_STATUSES, REPORTED_STATUSES } from '../../domain/status-catalogue';
import { DEMO_LABEL } from '../../portal/labels';

export const DATA_FORMAT_VERSION = 1;

/** Shown wherever demonstration status data appears; starts with the glossary's label. */
export const DEMO_NOTICE = `${DEMO_LABEL}：本站的进展状态含演示用示例数据，并非任何机关发布的官方进展情况；标记为 demo: true 的状态与报告均为示例，请勿引用为官方信息。`;

const STATUSES = [...REPORTED_STATUSES, ...DERIVED_STATUSES] as const;

const path = (what: string) => z.string().describe(`${what}的绝对路径（以 / 开头，加上 site 即为完整网址）`);
const date = (what: string) => z.string().nullable().describe(`${what}，格式 YYYY-MM-DD；未知时为 null`);

const header = {
  $schema: z.string().describe('本文件 JSON Schema 的完整网址'),
  version: z.literal(DATA_FORMAT_VERSION).describe('数据格式版本；字段只增不改，改动不兼容时才升级'),
  generatedOn: z.string().describe('生成日期，YYYY-MM-DD'),
  site: z.string().describe('门户网址（不含结尾斜杠），与各 url 字段拼接得到完整网址'),
  demo: z.boolean().describe('为 true 时，文件中含示例数据（非官方）'),
  notice: z.string().nullable().describe('含示例数据时的醒目说明（以“示例数据（非官方）”开头）；否则为 null'),
};

export const deadlineSchema = z
  .strictObject({
    text: z.string().describe('时限原文，如“2020年底前”“长期”'),
    date: date('时限允许的最后一天'),
    kind: z.enum(['date', 'standing']).describe('date 为具体日期；standing 为长期、立行立改、持续推进等'),
  })
  .describe('完成时限');

export const targetSchema = z
  .strictObject({
    text: z.string().describe('目标原文，如“森林覆盖率达到38.5%”'),
    value: z.number().nullable().describe('目标中的主要数值；没有或不止一个时为 null'),
    unit: z.string().nullable().describe('数值的单位，如 %、万亩；没有时为 null'),
  })
  .describe('目标、指标');

const roleField = z
  .enum(ROLES)
  .describe('参与方式：lead 牵头单位，responsible 责任单位，partner 配合单位，supervisor 督导单位，mentioned 文中提及');
const roleLabelField = z.string().describe('参与方式的中文名称');

/** A unit as the document writes it, with its role. */
const writtenUnitFields = {
  name: z.string().describe('单位名称，按文件写法（保留错别字；省略的共同前缀已补全）'),
  written: z.string().nullable().describe('原文写法，仅在与 name 不同时给出，否则为 null'),
  role: roleField,
  roleLabel: roleLabelField,
};

/** What the registry says of a unit. */
const resolvedUnitFields = {
  departmentId: z.string().nullable().describe('登记册中对应部门的编号；未能对应时为 null'),
  departmentName: z.string().nullable().describe('登记册中对应部门的正式名称；未能对应时为 null'),
  verified: z.boolean().describe('单位名称是否已在登记册中核实'),
  url: path('单位页面'),
};

export const taskUnitSchema = z.strictObject({ ...writtenUnitFields, ...resolvedUnitFields }).describe('任务的单位');

export const measureSchema = z
  .strictObject({
    id: z.string().describe('措施编号，全站唯一：任务编号 + .m + 序号'),
    number: z.string().describe('措施在原文中的序号'),
    text: z.string().describe('措施全文'),
    units: z.array(z.strictObject(writtenUnitFields)).describe('措施的单位（按文件写法，未经登记册对应）'),
    deadlines: z.array(deadlineSchema).describe('措施的完成时限'),
    targets: z.array(targetSchema).describe('措施的目标'),
    line: z.number().int().describe('措施在源文件中的行号'),
  })
  .describe('整改措施');

export const statusSchema = z
  .strictObject({
    periodId: z.string().describe('报告期编号：2019（年）、2019-Q3（季度）、2019-07（月）'),
    periodLabel: z.string().describe('报告期名称，如“2019年第三季度”'),
    periodStart: z.string().describe('报告期第一天，YYYY-MM-DD'),
    periodEnd: z.string().describe('报告期最后一天，YYYY-MM-DD'),
    status: z.enum(STATUSES).describe('进展状态：报告的状态，或无报告时的“未报告”'),
    overdue: z
      .boolean()
      .describe('已逾期：最终完成时限已过而未完成；最新报告期按截至日期（asOf）判断，更早的报告期按报告日期（无报告时按报告期末）判断'),
    reportedOn: date('报告日期'),
    reportingUnit: z.string().nullable().describe('报告单位；无报告时为 null'),
    demo: z.boolean().describe('为 true 时该状态是示例数据（非官方），不是官方进展'),
    asOf: z.string().describe('状态截至的日期（即生成日期），YYYY-MM-DD：最新报告期的状态与是否逾期按这一天判断'),
    lastReportedPeriodId: z.string().nullable().describe('最近一次有这项任务报告的报告期编号；从未报告时为 null'),
    lastReportedPeriodLabel: z.string().nullable().describe('最近一次有报告的报告期名称，如“2018年第四季度”；从未报告时为 null'),
    lastReportedOn: date('最近一次报告的报告日期'),
  })
  .describe('截至生成日期的进展状态：时间线延续到包含生成日期的报告期，其间没有报告的为“未报告”');

export const finalDeadlineSchema = z
  .strictObject({
    date: date('最终完成时限（判断是否逾期所依据的日期）；只有长期性要求时为 null'),
    source: z
      .enum(['text', 'span', 'standing'])
      .describe('时限来源：text 任务（或其措施）原文写明；span 原文未写明，按文件实施期限截止日计；standing 只有长期性要求，不计逾期'),
    sourceLabel: z.string().describe('时限来源的中文说明'),
  })
  .describe('最终完成时限及其来源（与任务页面所示相同）');

export const documentRefSchema = z
  .strictObject({
    slug: z.string().describe('文件编号（网址中使用）'),
    title: z.string().nullable().describe('文件标题'),
    docNumber: z.string().nullable().describe('发文字号，如“阿行发〔2018〕66号”'),
    issuer: z.string().nullable().describe('发文机关'),
    regionCode: z.string().describe('所属行政区划代码（6位）'),
    regionName: z.string().nullable().describe('所属行政区划名称'),
    url: path('文件页面'),
  })
  .describe('任务所属文件');

export const taskRecordSchema = z
  .strictObject({
    id: z.string().describe('任务编号，全站唯一且稳定：文件编号/文件内编号'),
    localId: z.string().describe('文件内编号，如 t12、g2-t3、p7'),
    url: path('任务页面'),
    document: documentRefSchema,
    kind: z.enum(['task', 'problem']).describe('task 为任务；problem 为整改方案中的整改问题'),
    number: z.string().describe('任务序号，不含标点，如“12”“十四”；按编号重新开始分组的任务为“组-号”，如“2-3”'),
    marker: z.string().describe('任务序号在原文中的写法，含标点，如“（十四）”“12.”“第三条”；不编号的段落为空'),
    title: z.string().describe('简短标题：正文第一句，不含序号'),
    text: z.string().describe('任务全文（含单位括注），不含序号'),
    sections: z
      .array(
        z.strictObject({
          id: z.string().describe('章节编号'),
          number: z.string().describe('章节序号在原文中的写法，如“一、”“（二）”；原文未设标题的分组为“第N组”'),
          title: z.string().describe('章节标题'),
        }),
      )
      .describe('任务所在的各级章节，由外到内'),
    units: z.array(taskUnitSchema).describe('任务的单位及其参与方式'),
    deadlines: z.array(deadlineSchema).describe('完成时限'),
    finalDeadline: finalDeadlineSchema,
    targets: z.array(targetSchema).describe('目标、指标'),
    measures: z.array(measureSchema).describe('整改措施（仅部分文件有）'),
    cause: z.string().nullable().describe('原因分析（整改问题）；没有时为 null'),
    goals: z.string().nullable().describe('整改目标原文（整改问题）；没有时为 null'),
    timeLimits: z.string().nullable().describe('整改时限原文（整改问题）；没有时为 null'),
    gaps: z
      .array(
        z.strictObject({
          field: z.enum(['units', 'lead', 'deadlines']).describe('units 责任单位；lead 牵头单位；deadlines 完成时限'),
          reason: z.string().describe('说明'),
        }),
      )
      .describe('未能从原文识别的内容（请以原文为准），不表示原文没有写明'),
    corrections: z
      .array(
        z.strictObject({
          field: z.enum(['units', 'lead', 'deadlines']).describe('经人工校正的内容'),
          reason: z.string().describe('校正理由'),
        }),
      )
      .describe('编辑人工校正的内容及理由'),
    status: statusSchema.nullable().describe('最新报告期的进展状态；文件尚无报告期时为 null'),
    demo: z.boolean().describe('为 true 时该任务的进展数据是示例数据（非官方）'),
    sourceFile: z.string().describe('源文件在内容目录中的路径，如 documents/ali-2018-meili-xizang.txt'),
    lineStart: z.number().int().describe('任务在源文件中的起始行号'),
    lineEnd: z.number().int().describe('任务在源文件中的结束行号'),
  })
  .describe('一项任务');

export const tasksFileSchema = z
  .strictObject({
    ...header,
    count: z.number().int().describe('任务数'),
    tasks: z.array(taskRecordSchema).describe('全部任务，按文件、原文顺序'),
  })
  .describe('清单：全部任务（/data/tasks.json）');

export const unitRecordSchema = z
  .strictObject({
    taskId: z.string().describe('任务编号'),
    taskUrl: path('任务页面'),
    documentSlug: z.string().describe('文件编号'),
    taskNumber: z.string().describe('任务序号（按原文）'),
    ...writtenUnitFields,
    departmentId: resolvedUnitFields.departmentId,
    departmentName: resolvedUnitFields.departmentName,
    regionCode: z.string().nullable().describe('对应部门所属行政区划代码'),
    regionName: z.string().nullable().describe('对应部门所属行政区划名称'),
    verified: resolvedUnitFields.verified,
    url: resolvedUnitFields.url,
  })
  .describe('任务与单位的一条对应关系');

export const departmentRecordSchema = z
  .strictObject({
    id: z.string().describe('部门编号，稳定：区划代码-简称'),
    name: z.string().describe('正式名称'),
    regionCode: z.string().describe('所属行政区划代码'),
    regionName: z.string().describe('所属行政区划名称'),
    aliases: z.array(z.string()).describe('文件中使用的其他名称（简称、旧称、错别字）'),
    successorId: z.string().nullable().describe('机构改革后承接其职责的部门编号；没有时为 null'),
    succeededOn: z.string().nullable().describe('承接日期，YYYY-MM-DD 或 YYYY'),
    collective: z.boolean().describe('是否为集合称谓（如“各县区人民政府”），而非单一机关'),
    primaryTaskCount: z.number().int().describe('牵头（或未写牵头时列第一位负责）的任务数'),
    helpingTaskCount: z.number().int().describe('以其他方式（责任、配合、督导）参与的任务数'),
    mentionedTaskCount: z.number().int().describe('文中提及但未写明参与方式的任务数'),
    inheritedTaskCount: z.number().int().describe('机构改革中从被承接部门继承的任务数'),
    url: path('部门页面'),
  })
  .describe('登记册中的一个部门');

export const unitsFileSchema = z
  .strictObject({
    ...header,
    count: z.number().int().describe('对应关系条数'),
    units: z.array(unitRecordSchema).describe('每项任务的每个单位一条（与 units.csv 各行相同）'),
    departments: z.array(departmentRecordSchema).describe('登记册中的部门'),
  })
  .describe('单位（/data/units.json）');

export const reportRecordSchema = z
  .strictObject({
    taskId: z.string().describe('任务编号'),
    taskUrl: path('任务页面'),
    documentSlug: z.string().describe('文件编号'),
    periodId: z.string().describe('报告期编号：2019、2019-Q3、2019-07'),
    periodKind: z.enum(['year', 'quarter', 'month']).describe('报告期类型：year 年、quarter 季度、month 月'),
    periodLabel: z.string().describe('报告期名称'),
    periodStart: z.string().describe('报告期第一天'),
    periodEnd: z.string().describe('报告期最后一天'),
    status: z.enum(REPORTED_STATUSES).describe('报告的进展状态'),
    progress: z.string().describe('进展情况（Markdown 原文，未经渲染）'),
    reportingUnit: z.string().describe('报告单位'),
    reportedOn: z.string().describe('报告日期，YYYY-MM-DD'),
    evidence: z.array(z.strictObject({ title: z.string().describe('标题'), url: z.string().describe('网址') })).describe('佐证资料'),
    indicators: z
      .array(
        z.strictObject({
          target: z.number().int().describe('对应任务 targets 中的序号（从 0 起）'),
          value: z.number().describe('报告的数值'),
          unit: z.string().nullable().describe('单位'),
          note: z.string().nullable().describe('说明'),
        }),
      )
      .describe('指标完成值'),
    demo: z.boolean().describe('为 true 时本报告是示例数据（非官方）'),
    sourceTitle: z.string().nullable().describe('官方公开来源的标题；示例数据为 null'),
    sourceUrl: z.string().nullable().describe('官方公开来源的网址；没有时为 null'),
    file: z.string().describe('状态数据文件在内容目录中的路径，如 status/ali-2018-meili-xizang/2019.yaml'),
    line: z.number().int().describe('在状态数据文件中的行号'),
  })
  .describe('一份进展报告');

export const reportsFileSchema = z
  .strictObject({
    ...header,
    count: z.number().int().describe('报告份数'),
    reports: z.array(reportRecordSchema).describe('全部进展报告，按任务、报告期'),
  })
  .describe('进展报告（/data/reports.json）');

export const documentRecordSchema = z
  .strictObject({
    slug: z.string().describe('文件编号（网址中使用）'),
    url: path('文件页面'),
    title: z.string().nullable().describe('文件标题'),
    kind: z.string().describe('文件类型：分工方案、工作要点、整改方案、实施方案、实施意见、规划、其他'),
    docNumber: z.string().nullable().describe('发文字号'),
    indexNumber: z.string().nullable().describe('索引号'),
    issuer: z.string().nullable().describe('发文机关'),
    writtenOn: date('成文日期'),
    publishedOn: date('发布日期'),
    regionCode: z.string().describe('行政区划代码'),
    regionName: z.string().nullable().describe('行政区划名称'),
    sourceUrl: z.string().nullable().describe('原文网址；未知时为 null'),
    sourceFile: z.string().describe('源文件在内容目录中的路径，如 documents/ali-2018-meili-xizang.txt'),
    reporting: z.enum(['annual', 'quarterly', 'monthly']).describe('要求的报告频次：annual 每年、quarterly 每季度、monthly 每月'),
    spanStart: z.string().describe('实施期开始，YYYY-MM-DD'),
    spanEnd: z.string().describe('实施期结束，YYYY-MM-DD'),
    taskCount: z.number().int().describe('任务数'),
    periods: z
      .array(
        z.strictObject({
          id: z.string().describe('报告期编号'),
          label: z.string().describe('报告期名称'),
          start: z.string().describe('第一天'),
          end: z.string().describe('最后一天'),
        }),
      )
      .describe('已有的报告期，由早到晚'),
    demo: z.boolean().describe('为 true 时该文件的进展数据含示例数据（非官方）'),
  })
  .describe('一份文件');

export const documentsFileSchema = z
  .strictObject({ ...header, count: z.number().int().describe('文件数'), documents: z.array(documentRecordSchema).describe('全部文件') })
  .describe('文件（/data/documents.json）');

export type TaskRecord = z.infer<typeof taskRecordSchema>;
export type FinalDeadlineRecord = z.infer<typeof finalDeadlineSchema>;
export type TasksFile = z.infer<typeof tasksFileSchema>;
export type UnitRecord = z.infer<typeof unitRecordSchema>;
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;
export type UnitsFile = z.infer<typeof unitsFileSchema>;
export type ReportRecord = z.infer<typeof reportRecordSchema>;
export type ReportsFile = z.infer<typeof reportsFileSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export type DocumentsFile = z.infer<typeof documentsFileSchema>;
export type FileHeader = Pick<TasksFile, keyof typeof header>;

/** The JSON Schema (draft 2020-12) of a file, with its public id. */
export function jsonSchemaOf(schema: z.ZodType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: id, ...json };
}
