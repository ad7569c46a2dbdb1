// The task model shared by every stage. Names follow ../shared/glossary.md.
import type { ReportedStatus, Status } from './status-catalogue';

/** How a unit takes part in a task (glossary: 牵头/责任/配合/督导/mentioned). */
export type Role = 'lead' | 'responsible' | 'partner' | 'supervisor' | 'mentioned';

export const ROLES: readonly Role[] = ['lead', 'responsible', 'partner', 'supervisor', 'mentioned'];

export const ROLE_LABELS: Record<Role, string> = {
  lead: '牵头单位',
  responsible: '责任单位',
  partner: '配合单位',
  supervisor: '督导单位',
  mentioned: '文中提及',
};

/** A unit as the document writes it. `name` keeps typos; a dropped shared prefix is restored. */
export interface UnitRef {
  name: string;
  role: Role;
  /** Exactly as written in the source when it differs from `name` (e.g. "交通局" for 地区交通局). */
  written?: string;
  /** Which rule of the text gave the unit and its role, and where: "tag (line 12)", "列第一位者为牵头单位 (line 7, 下同)". */
  basis?: string;
  /** Set by an editor's correction (content/documents/<slug>.fixes.yaml), with its reason. */
  corrected?: string;
}

export type DeadlineKind = 'date' | 'standing';

/** 完成时限 / 整改时限: a date, or a standing commitment (长期, 立行立改, 立即启动, 持续推进). */
export interface Deadline {
  text: string;
  /** YYYY-MM-DD, the last day the deadline allows; null for standing deadlines. */
  date: string | null;
  kind: DeadlineKind;
  /** Which rule of the text gave it, and where. */
  basis?: string;
  /** Set by an editor's correction, with its reason. */
  corrected?: string;
}

/** 目标 / 指标: a quantity the task promises. */
export interface Target {
  text: string;
  /** The number in the text (38.5 for "38.5%"), when there is exactly one main quantity. */
  value: number | null;
  /** The unit of the number as written: "%", "亿立方米", "万亩"… */
  unit: string | null;
}

/** A run of task text followed by the unit tag that covers it: "…保护。(地区农牧局)". */
export interface Segment {
  text: string;
  units: UnitRef[];
}

/** A numbered step inside a task (整改措施). */
export interface Measure {
  /** Globally unique: `${taskId}.m${number}`. */
  id: string;
  number: string;
  text: string;
  units: UnitRef[];
  deadlines: Deadline[];
  targets: Target[];
  line: number;
}

export type TaskKind = 'task' | 'problem';

export interface Task {
  /** Globally unique and stable across re-ingestion: `${documentSlug}/${localId}`. */
  id: string;
  /** URL-safe id inside its document: "t12", "g2-t3" (implicit group), "p7" (problem). */
  localId: string;
  documentSlug: string;
  kind: TaskKind;
  /** The number as a reader cites it: "12", "2-3", "十四". */
  number: string;
  /** The number as the text writes it, punctuation included: "（十四）", "12.", "第三条"; "" for an unnumbered paragraph. */
  marker: string;
  /** Short title: the first sentence of the text, without its number. */
  title: string;
  /** The full text as written (unit tags included), without the number. */
  text: string;
  segments: Segment[];
  units: UnitRef[];
  deadlines: Deadline[];
  targets: Target[];
  measures: Measure[];
  /** 原因分析 / 整改目标 / 整改时限 as written, for problems. */
  fields: { cause?: string; goals?: string; timeLimits?: string };
  /** Ids of the sections above the task, outermost first. */
  sectionPath: string[];
  /** 1-based source line span (inclusive). */
  lineStart: number;
  lineEnd: number;
  /** What the extractor could not determine, said as such (never "the text names none"). */
  gaps: TaskGap[];
  /** Fields an editor corrected (content/documents/<slug>.fixes.yaml), each with its reason. */
  corrections: TaskCorrection[];
}

/** A field of a task an editor set by hand, and why. */
export interface TaskCorrection {
  field: 'units' | 'lead' | 'deadlines';
  reason: string;
}

/** A field of a task the extractor could not read from the text, and why. */
export interface TaskGap {
  field: 'units' | 'lead' | 'deadlines';
  reason: string;
}

export interface Section {
  id: string;
  /** Depth in the outline, 1 for the outermost headings; implicit groups take the depth of the tasks they group. */
  level: number;
  number: string;
  /** The number as written, punctuation included ("（一）"); "" for an implicit group. */
  marker: string;
  title: string;
  parentId: string | null;
  /** True for a group the scraped text implies (numbering restarts) but never names. */
  implicit: boolean;
  line: number;
}

export type PartKind =
  | 'chrome' // website navigation, counters, footers: set aside, never shown as content
  | 'blank'
  | 'meta' // header fields such as 索引号, 发文字号, 发布日期
  | 'title'
  | 'preamble'
  | 'heading'
  | 'task'
  | 'text' // non-task text between tasks
  | 'closing';

/** Every source line belongs to exactly one part. */
export interface Part {
  kind: PartKind;
  lineStart: number;
  lineEnd: number;
  text: string;
  sectionId?: string;
  taskId?: string;
}

/** The kinds of plan (glossary: 分工方案, 工作要点, 整改方案, 实施方案/实施意见), and the rest. */
export const DOCUMENT_KINDS = ['分工方案', '工作要点', '整改方案', '实施方案', '实施意见', '规划', '其他'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How often units report on a plan. */
export const REPORTING_CADENCES = ['annual', 'quarterly', 'monthly'] as const;
export type Reporting = (typeof REPORTING_CADENCES)[number];

/** content/documents/<slug>.yaml as written: what the text does not say. */
export interface DocumentSidecar {
  /** How the text was obtained (scraped page, file). */
  provenance?: string;
  /** The 6-digit code of the issuing region. */
  region: string;
  kind: DocumentKind;
  sourceUrl: string | null;
  /** Only where the text names no issuer. */
  issuer?: string;
  /** Reporting cadence the plan requires. */
  reporting: Reporting;
  /** Span of the plan, for validating status periods: YYYY-MM-DD. */
  span: { start: string; end: string };
  note?: string;
}

/** The formats a document file may come in. */
export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf';

/** What the text does not say, as the portal uses it. */
export interface DocumentMeta extends Omit<DocumentSidecar, 'region' | 'provenance'> {
  slug: string;
  regionCode: string;
}

export interface Document {
  slug: string;
  sourceFile: string;
  meta: DocumentMeta;
  title: string | null;
  docNumber: string | null;
  indexNumber: string | null;
  issuer: string | null;
  writtenOn: string | null;
  publishedOn: string | null;
  sections: Section[];
  tasks: Task[];
  parts: Part[];
  /** The source text as decoded (or read from HTML, DOCX or PDF), lines joined by "\n". */
  source: string;
  /** The format of the file as published: the text above was read from it. */
  format: SourceFormat;
  warnings: string[];
}

// ---- status data ----

export type { Status, ReportedStatus, DerivedStatus } from './status-catalogue';

/** A reporting period: "2019", "2019-Q3", "2019-07". */
export interface Period {
  id: string;
  kind: 'year' | 'quarter' | 'month';
  start: string;
  end: string;
  label: string;
}

export interface IndicatorValue {
  /** Index into the task's targets. */
  target: number;
  value: number;
  unit?: string;
  note?: string;
}

export interface EvidenceLink {
  title: string;
  url: string;
}

export interface StatusReport {
  taskId: string;
  period: Period;
  status: ReportedStatus;
  /** Markdown, sanitized at render time. */
  progress: string;
  evidence: EvidenceLink[];
  indicators: IndicatorValue[];
  reportingUnit: string;
  reportedOn: string;
  /** Title/URL of the official disclosure, or 'demo' for demonstration data. */
  source: { title: string; url?: string } | 'demo';
  file: string;
  line: number;
}

// ---- registry and derived status ----

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  /** Official 6-digit administrative-division code (行政区划代码). */
  code: string;
  name: string;
  /** Short forms used in documents: 阿里, 海东… */
  shortNames: string[];
  level: RegionLevel;
  parentCode: string | null;
}

export interface Department {
  /** URL-safe, stable: `${regionCode}-${slug}`. */
  id: string;
  /** Official full name. */
  name: string;
  regionCode: string;
  /** Names documents use for it (local prefix form, abbreviations, typos). */
  aliases: string[];
  /** Institutional reform (机构改革): the department that took over its duties. */
  successorId: string | null;
  /** When the successor took over: YYYY-MM-DD or YYYY. */
  succeededOn: string | null;
  /** A collective such as 各县区人民政府, not one office. */
  collective: boolean;
}

export interface StatusAt {
  period: Period;
  /** The reported status, or 未报告 when nothing was reported for the period. */
  status: Status;
  /**
   * Deadline passed and not completed as of the report date (or the period's end); in the latest
   * period, as of the build date.
   */
  overdue: boolean;
  report: StatusReport | null;
  /** The latest period up to this one with a report of this task, or null when there is none yet. */
  lastReported: Period | null;
}

export type StatusCounts = Record<Status, number>;

/** A unit of a task resolved through the registry. */
export interface ResolvedUnit extends UnitRef {
  departmentId: string | null;
  /** False when the registry does not know the name: kept, shown, and listed by `npm run validate`. */
  verified: boolean;
}

export interface UnverifiedUnit {
  name: string;
  role: Role;
  taskId: string;
  documentSlug: string;
  line: number;
}
