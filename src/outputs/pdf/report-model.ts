// Which PDF reports exist and exactly what each one shows. Pure: Portal in, plain data out. The spec is
// the only input of the typst template (besides the render date), so its JSON is what the cache hashes.
import { ALL_STATUSES, countStatuses, STATUS_DESCRIPTIONS } from '../../model/derive-status';
import { markdownToText } from '../../model/markdown';
import { comparePeriods } from '../../model/periods';
import type { Portal, Region, ResolvedUnit, StatusAt, TaskView } from '../../model/portal-types';
import { ROLE_LABELS, type Document, type Period, type Role, type Status } from '../../model/types';
import { departmentUrl, documentReportUrl, documentUrl, regionReportUrl, regionUrl, taskUrl, unverifiedUnitUrl } from '../../model/urls';

/** Progress texts longer than this are cut in the PDF; the task page online has the full text. */
export const MAX_PROGRESS_CHARS = 400;

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
  helping: ReportDepartmentTask[];
}

export interface ReportSource {
  title: string;
  url: string | null;
  demo: boolean;
  periods: string[];
}

export interface ReportSpec {
  kind: 'region' | 'document';
  /** Portal path of the PDF, from src/model/urls.ts: /reports/regions/<code>/<year>.pdf, /reports/documents/<slug>/<period>.pdf. */
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
  documents: ReportDocument[];
  taskCount: number;
  counts: StatusCount[];
  departments: ReportDepartment[];
  tasks: ReportTaskRow[];
  sources: ReportSource[];
  statusDescriptions: { status: Status; text: string }[];
}

export interface ReportOptions {
  siteUrl?: string | null;
}

const yearOf = (p: Period) => p.start.slice(0, 4);
const collator = new Intl.Collator('zh-Hans-CN');

function documentTitle(doc: Document): string {
  return doc.title?.trim() || doc.slug;
}

function issuerOf(doc: Document): string | null {
  return doc.issuer?.trim() || doc.meta.issuer?.trim() || null;
}

/** Every region code at or below `code`. */
function subtreeCodes(portal: Portal, code: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const rv of portal.regions) {
    const parent = rv.region.parentCode;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), rv.region.code]);
  }
  const out = new Set<string>();
  const stack = [code];
  while (stack.length) {
    const c = stack.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    stack.push(...(children.get(c) ?? []));
  }
  return out;
}

/**
 * The status a year-report shows: the latest period of the year that has a report, else the year's last
 * period (未报告). A quarterly plan reported in Q3 but not yet in Q4 shows the Q3 report, labelled as such.
 */
export function statusForYear(timeline: StatusAt[], year: string): StatusAt | null {
  const inYear = timeline.filter((s) => yearOf(s.period) === year).sort((a, b) => comparePeriods(a.period, b.period));
  return inYear.filter((s) => s.report).at(-1) ?? inYear.at(-1) ?? null;
}

function unitLabel(u: ResolvedUnit): string {
  return u.verified ? u.name : `${u.name}（未核实）`;
}

function toRow(tv: TaskView, at: StatusAt | null, doc: number, period: Period): ReportTaskRow {
  const report = at?.report ?? null;
  const progressFull = report ? markdownToText(report.progress) : '';
  const cut = [...progressFull].length > MAX_PROGRESS_CHARS;
  return {
    id: tv.task.id,
    doc,
    number: tv.task.number,
    title: tv.task.title,
    url: tv.url || taskUrl(tv.task.id),
    leadUnits: tv.primaryUnits.map(unitLabel),
    deadline: tv.task.deadlines.map((d) => d.text).join('；'),
    status: at?.status ?? '未报告',
    overdue: at?.overdue ?? false,
    statusPeriod: at && at.period.id !== period.id ? at.period.label : null,
    progress: cut ? [...progressFull].slice(0, MAX_PROGRESS_CHARS).join('') + '…' : progressFull,
    progressCut: cut,
    reportingUnit: report?.reportingUnit ?? null,
    reportedOn: report?.reportedOn ?? null,
    // A task of a demo data set is demo even where nothing was reported: its 未报告 comes from that set.
    demo: tv.demo || report?.source === 'demo',
  };
}

function countsOf(list: StatusAt[]): StatusCount[] {
  const counts = countStatuses(list);
  return ALL_STATUSES.map((status) => ({ status, count: counts[status] }));
}

/** The StatusAt a row stands for, rebuilt so counts use the derive-status rules. */
const asStatusAt = (r: ReportTaskRow, period: Period): StatusAt => ({ period, status: r.status, overdue: r.overdue, report: null });

function departmentsOf(portal: Portal, tasks: TaskView[]): ReportDepartment[] {
  const inReport = new Set(tasks.map((t) => t.task.id));
  const regionName = (code: string) => portal.regionByCode.get(code)?.region.name ?? code;
  const roleLabels = (units: ResolvedUnit[], match: (u: ResolvedUnit) => boolean) =>
    [...new Set(units.filter(match).map((u) => ROLE_LABELS[u.role as Role]))];
  const out: ReportDepartment[] = [];

  for (const dv of portal.departments) {
    const id = dv.department.id;
    const lead = dv.primary.filter((t) => inReport.has(t.task.id)).map((t) => ({ id: t.task.id, roles: [] }));
    const helping = dv.helping
      .filter((t) => inReport.has(t.task.id))
      .map((t) => ({ id: t.task.id, roles: roleLabels(t.units, (u) => u.departmentId === id) }));
    if (lead.length + helping.length === 0) continue;
    out.push({ key: id, name: dv.department.name, regionName: dv.region.name, verified: true, url: dv.url || departmentUrl(id), lead, helping });
  }

  // Units the registry does not know still answer for tasks: group them by the name as written.
  const unknown = new Map<string, ReportDepartment>();
  for (const tv of tasks) {
    const primary = new Set(tv.primaryUnits.filter((u) => !u.departmentId).map((u) => u.name));
    for (const u of tv.units) {
      if (u.departmentId) continue;
      let d = unknown.get(u.name);
      if (!d) {
        d = { key: `unit:${u.name}`, name: u.name, regionName: regionName(tv.document.meta.regionCode), verified: false, url: unverifiedUnitUrl(u.name), lead: [], helping: [] };
        unknown.set(u.name, d);
      }
      const list = primary.has(u.name) ? d.lead : d.helping;
      const existing = list.find((x) => x.id === tv.task.id);
      if (existing) {
        if (list === d.helping && !existing.roles.includes(ROLE_LABELS[u.role])) existing.roles.push(ROLE_LABELS[u.role]);
      } else {
        list.push({ id: tv.task.id, roles: list === d.helping ? [ROLE_LABELS[u.role]] : [] });
      }
    }
  }
  out.push(...unknown.values());

  // Busiest first: a reader looks for who answers for most; ties by name so the order is stable.
  return out.sort(
    (a, b) =>
      Number(b.verified) - Number(a.verified) ||
      b.lead.length - a.lead.length ||
      b.helping.length - a.helping.length ||
      collator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function sourcesOf(rows: { row: ReportTaskRow; at: StatusAt | null }[]): ReportSource[] {
  const map = new Map<string, ReportSource>();
  for (const { at } of rows) {
    const report = at?.report;
    if (!report) continue;
    const src = report.source === 'demo' ? { title: '示例数据（非官方）', url: null, demo: true } : { title: report.source.title, url: report.source.url ?? null, demo: false };
    const key = `${src.demo}|${src.title}|${src.url}`;
    const entry = map.get(key) ?? { ...src, periods: [] };
    if (!entry.periods.includes(report.period.label)) entry.periods.push(report.period.label);
    map.set(key, entry);
  }
  return [...map.values()];
}

interface Scope {
  kind: ReportSpec['kind'];
  path: string;
  title: string;
  shortTitle: string;
  subject: string;
  subjectUrl: string;
  period: Period;
  documents: Document[];
  statusOf: (tv: TaskView) => StatusAt | null;
}

function buildSpec(portal: Portal, scope: Scope, options: ReportOptions): ReportSpec {
  const docIndex = new Map(scope.documents.map((d, i) => [d.slug, i + 1]));
  const tasks = portal.tasks.filter((tv) => docIndex.has(tv.task.documentSlug));
  const rows = tasks.map((tv) => {
    const at = scope.statusOf(tv);
    return { tv, at, row: toRow(tv, at, docIndex.get(tv.task.documentSlug)!, scope.period) };
  });
  // Rows follow the documents' order, then each document's own task order.
  rows.sort((a, b) => a.row.doc - b.row.doc);
  const regionName = (code: string) => portal.regionByCode.get(code)?.region.name ?? code;
  const documents: ReportDocument[] = scope.documents.map((d) => {
    const own = rows.filter((r) => r.tv.task.documentSlug === d.slug);
    return {
      slug: d.slug,
      title: documentTitle(d),
      docNumber: d.docNumber,
      issuer: issuerOf(d),
      writtenOn: d.writtenOn,
      publishedOn: d.publishedOn,
      kind: d.meta.kind,
      sourceUrl: d.meta.sourceUrl,
      url: documentUrl(d.slug),
      regionName: regionName(d.meta.regionCode),
      note: d.meta.note ?? null,
      taskCount: own.length,
      counts: countsOf(own.map((r) => asStatusAt(r.row, scope.period))),
    };
  });
  const dates = rows.map((r) => r.row.reportedOn).filter((d): d is string => d !== null).sort();
  return {
    kind: scope.kind,
    path: scope.path,
    title: scope.title,
    shortTitle: scope.shortTitle,
    subject: scope.subject,
    subjectUrl: scope.subjectUrl,
    issuers: [...new Set(scope.documents.map(issuerOf).filter((s): s is string => s !== null))],
    period: { id: scope.period.id, label: scope.period.label, start: scope.period.start, end: scope.period.end },
    lang: 'zh',
    region: 'cn',
    siteUrl: options.siteUrl ? options.siteUrl.replace(/\/+$/, '') : null,
    dataAsOf: dates.at(-1) ?? null,
    demo: rows.some((r) => r.row.demo),
    documents,
    taskCount: rows.length,
    counts: countsOf(rows.map((r) => asStatusAt(r.row, scope.period))),
    departments: departmentsOf(portal, tasks),
    tasks: rows.map((r) => r.row),
    sources: sourcesOf(rows),
    statusDescriptions: ALL_STATUSES.map((status) => ({ status, text: STATUS_DESCRIPTIONS[status] })),
  };
}

function yearPeriod(year: string): Period {
  return { id: year, kind: 'year', start: `${year}-01-01`, end: `${year}-12-31`, label: `${year}年` };
}

function regionTitle(region: Region, year: string): string {
  return `${region.name}${year}年度任务落实情况报告`;
}

/**
 * Every report the portal publishes: one per region and year (the years of the periods of the documents of
 * the region and all regions below it) and one per document and reporting period. Regions first, each in
 * portal order; years and periods oldest first.
 */
export function reportsForPortal(portal: Portal, options: ReportOptions = {}): ReportSpec[] {
  const out: ReportSpec[] = [];
  const periodsOf = (slug: string) => portal.periodsByDocument.get(slug) ?? [];

  for (const rv of portal.regions) {
    const codes = subtreeCodes(portal, rv.region.code);
    const docs = portal.documents.filter((d) => codes.has(d.meta.regionCode));
    const years = [...new Set(docs.flatMap((d) => periodsOf(d.slug).map(yearOf)))].sort();
    for (const year of years) {
      const inYear = docs.filter((d) => periodsOf(d.slug).some((p) => yearOf(p) === year));
      out.push(
        buildSpec(
          portal,
          {
            kind: 'region',
            path: regionReportUrl(rv.region.code, year),
            title: regionTitle(rv.region, year),
            shortTitle: `${rv.region.name} · ${year}年度`,
            subject: rv.region.name,
            subjectUrl: rv.url || regionUrl(rv.region.code),
            period: yearPeriod(year),
            documents: inYear,
            statusOf: (tv) => statusForYear(tv.timeline, year),
          },
          options,
        ),
      );
    }
  }

  for (const doc of portal.documents) {
    const title = documentTitle(doc);
    for (const period of [...periodsOf(doc.slug)].sort(comparePeriods)) {
      out.push(
        buildSpec(
          portal,
          {
            kind: 'document',
            path: documentReportUrl(doc.slug, period.id),
            title: `《${title}》${period.label}落实情况报告`,
            shortTitle: `${doc.docNumber ?? title} · ${period.label}`,
            subject: title,
            subjectUrl: documentUrl(doc.slug),
            period,
            documents: [doc],
            statusOf: (tv) => tv.timeline.find((s) => s.period.id === period.id) ?? null,
          },
          options,
        ),
      );
    }
  }
  return out;
}
