// What a PDF report shows, as plain data: the spec is the only input of the typst template (besides the
// build date), so its JSON is what the report cache hashes.
import { type Status } from '../../domain/types';

/** Progress texts longer than this are cut in the PDF; the task page online has the full text. */
export const MAX_PROGRESS_CHARS = 400;
/** Deadline texts can carry a whole clause (2018年底前完成44条河流…): the table cell shows the start. */
export const MAX_DEADLINE_CHARS = 18;

export interface ReportTaskRow {
  id: string;
  /** Index into `documents` (1-based), for multi-document reports where task numbers repeat. */
  doc: number;
  number: string;
  title: string;
  /** Portal path of the task page. */
  url: string;
  /** Lead units as the text names them (or the first responsible unit where no lead is named). */
  leadUnits: string[];
  deadline: string;
  status: Status;
  overdue: boolean;
  /** Label of the period the status was reported for, when it is not the whole report period. */
  statusPeriod: string | null;
  /** Plain text, cut at MAX_PROGRESS_CHARS. */
  progress: string;
  progressCut: boolean;
  reportingUnit: string | null;
  reportedOn: string | null;
  demo: boolean;
}

export interface ReportDocument {
  slug: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  writtenOn: string | null;
  publishedOn: string | null;
  kind: string;
  sourceUrl: string | null;
  url: string;
  regionName: string;
  note: string | null;
  taskCount: number;
  counts: StatusCount[];
}

export interface StatusCount {
  status: Status;
  count: number;
}

export interface ReportDepartmentTask {
  id: string;
  /** How this department takes part, as the roles' labels (helping tasks only). */
  roles: string[];
}

export interface ReportDepartment {
  key: string;
  name: string;
  regionName: string;
  /** False for a unit the registry does not know. */
  verified: boolean;
  url: string;
  lead: ReportDepartmentTask[];
  /** Other named roles: responsible after the first, partner, supervisor. */
  helping: ReportDepartmentTask[];
  /** Named in the text without a role. */
  mentioned: ReportDepartmentTask[];
  /** Tasks of the departments it took over in an institutional reform (机构改革). */
  inherited: ReportDepartmentTask[];
  /** For a department merged into another: who took over, and when. */
  successor: { name: string; on: string | null } | null;
}

export interface ReportSource {
  title: string;
  url: string | null;
  demo: boolean;
  periods: string[];
}

/** Counts over a set of documents for one year: the documents with a period in the year, and their tasks' year statuses. */
export interface ReportTotals {
  documentCount: number;
  taskCount: number;
  /** ALL_STATUSES order, 未报告 and 已逾期 included (已逾期 counted on top of a status). */
  counts: StatusCount[];
  /** Some status counted comes from demonstration data. */
  demo: boolean;
}

/** One row of a region report's 下辖地区落实情况: a direct sub-region, counted over its whole subtree. */
export interface ReportSubRegion extends ReportTotals {
  code: string;
  name: string;
  /** Portal path of the region page. */
  url: string;
  /** The sub-region's own report for the same year; null when it has none (nothing in its subtree that year). */
  reportUrl: string | null;
}

export interface ReportSpec {
  kind: 'region' | 'document';
  /** Portal path of the PDF, from src/domain/urls.ts: /reports/regions/<code>/<year>.pdf, /reports/documents/<slug>/<year>.pdf. */
  path: string;
  title: string;
  /** For the running header. */
  shortTitle: string;
  /** Region name, or the document title. */
  subject: string;
  subjectUrl: string;
  /** 发文机关 of the document(s) covered. */
  issuers: string[];
  period: { id: string; label: string; start: string; end: string };
  lang: 'zh';
  region: 'cn';
  /** Site origin for absolute links in the PDF, or null (links then are portal paths). */
  siteUrl: string | null;
  /** The latest report date of any status shown. */
  dataAsOf: string | null;
  demo: boolean;
  /**
   * The documents listed task by task. A region report lists only the region's own documents (meta.regionCode
   * is the region) with a period in the year; the regions below it are summed up in `subRegions`.
   */
  documents: ReportDocument[];
  /** Over `tasks`, the rows shown: for a region report, its own documents only (see `subtree` for all). */
  taskCount: number;
  counts: StatusCount[];
  /** Departments and their tasks, over `tasks` only. */
  departments: ReportDepartment[];
  tasks: ReportTaskRow[];
  /** Region reports: one row per direct sub-region, registry order; [] for document reports and regions without any. */
  subRegions: ReportSubRegion[];
  /** Region reports: totals over the region's own documents and every region below it; null for document reports. */
  subtree: ReportTotals | null;
  /** Sources of every status the report shows or counts (the sub-region rows included). */
  sources: ReportSource[];
  statusDescriptions: { status: Status; text: string }[];
}

export interface ReportOptions {
  siteUrl?: string | null;
}
