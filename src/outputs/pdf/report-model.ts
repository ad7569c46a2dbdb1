// Which PDF reports exist and exactly what each one shows. Pure: Portal in, plain data out. The spec is
// the only input of the typst template (besides the render date), so its JSON is what the cache hashes.
import { STATUS } from '../../domain/status-catalogue';
import { availableReports, yearOf } from '../../portal/available-reports';
import { shownStatus } from '../../portal/current-status';
import { DEMO_LABEL } from '../../portal/labels';
import { documentTitle } from '../../portal/titles';
import { countStatuses } from '../../domain/derive-status';
import { ALL_STATUSES, STATUS_DESCRIPTIONS } from '../../domain/status-catalogue';
import { markdownToText } from '../../portal/markdown';
import { comparePeriods } from '../../domain/periods';
import type { DepartmentView, Portal, TaskView } from '../../portal/types';
import type { Region, ResolvedUnit, StatusAt, StatusCounts } from '../../domain/types';
import { ROLE_LABELS, type Document, type Period, type Status, type StatusReport } from '../../domain/types';
import { departmentUrl, documentReportUrl, documentUrl, regionReportUrl, regionUrl, taskUrl, unverifiedUnitUrl } from '../../domain/urls';

/** Progress texts longer than this are cut in the PDF; the task page online has the full text. */
export const MAX_PROGRESS_CHARS = 400;
/** Deadline texts can carry a whole clause (2018年底前完成44条河流…): the table cell shows the start. */
export const MAX_DEADLINE_CHARS = 18;
const MAX_DEADLINES = 3;

const cut = (s: string, max: number) => ([...s].length > max ? [...s].slice(0, max).join('') + '…' : s);

/** The deadlines of a task as a short cell text: each cut, at most three, then how many more. */
export function deadlineText(deadlines: { text: string }[]): string {
  const shown = deadlines.slice(0, MAX_DEADLINES).map((d) => cut(d.text.trim(), MAX_DEADLINE_CHARS));
  const more = deadlines.length - shown.length;
  return shown.join('；') + (more > 0 ? `；另有 ${more} 项时限` : '');
}

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
  /** Portal path of the PDF, from src/domain/urls.ts: /reports/regions/<code>/<year>.pdf, /reports/documents/<slug>/<period>.pdf. */
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

const collator = new Intl.Collator('zh-Hans-CN');

function issuerOf(doc: Document): string | null {
  return doc.issuer?.trim() || doc.meta.issuer?.trim() || null;
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

function toRow(ix: Index, tv: TaskView, at: StatusAt | null, doc: number, period: Period): ReportTaskRow {
  const shown = shownStatus(at);
  const report = shown.report;
  const progressFull = report ? ix.progressText(report) : '';
  const progressCut = [...progressFull].length > MAX_PROGRESS_CHARS;
  return {
    id: tv.task.id,
    doc,
    number: tv.task.number,
    title: tv.task.title,
    url: tv.url || taskUrl(tv.task.id),
    leadUnits: tv.primaryUnits.map(unitLabel),
    deadline: deadlineText(tv.task.deadlines),
    status: shown.status,
    overdue: shown.overdue,
    statusPeriod: at && at.period.id !== period.id ? at.period.label : null,
    progress: cut(progressFull, MAX_PROGRESS_CHARS),
    progressCut,
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Group = 'lead' | 'helping' | 'mentioned' | 'inherited';

/** Built once per portal, so that each report costs time in proportion to its own tasks, not the portal's. */
interface Index {
  portal: Portal;
  tasksByDocument: Map<string, TaskView[]>;
  /** taskId → the departments linked to it and how. */
  links: Map<string, { dv: DepartmentView; group: Group }[]>;
  /** Documents whose own region is `code` (not the regions below), portal order. */
  documentsOf: (code: string) => Document[];
  /** Direct sub-regions, registry order. */
  childrenOf: (code: string) => string[];
  /** Year counts over a region's own documents and all regions below it: summed from per-document counts, memoized. */
  regionTally: (code: string, year: string) => Tally;
  /** markdownToText is the slow part of a row; a status report appears in two PDF reports (its document's and its region's). */
  progressText: (report: StatusReport) => string;
}

/** Year counts of a set of documents, as the report model adds them up (not part of a spec). */
interface Tally {
  documentCount: number;
  taskCount: number;
  counts: StatusCounts;
  demo: boolean;
  /** Latest report date of a status counted. */
  latest: string | null;
  sources: Map<string, SourceTally>;
}

/** A source while it is being collected: its periods kept as periods, to list them in time order. */
type SourceTally = Omit<ReportSource, 'periods'> & { periods: Map<string, Period> };

const emptyTally = (): Tally => ({
  documentCount: 0,
  taskCount: 0,
  counts: Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as StatusCounts,
  demo: false,
  latest: null,
  sources: new Map(),
});

const laterOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

function addSource(map: Map<string, SourceTally>, report: StatusReport): void {
  const src =
    report.source === 'demo'
      ? { title: DEMO_LABEL, url: null, demo: true }
      : { title: report.source.title, url: report.source.url ?? null, demo: false };
  const key = `${src.demo}|${src.title}|${src.url}`;
  const entry = map.get(key) ?? { ...src, periods: new Map() };
  entry.periods.set(report.period.id, report.period);
  map.set(key, entry);
}

function mergeSources(into: Map<string, SourceTally>, from: Iterable<SourceTally>): void {
  for (const src of from) {
    const key = `${src.demo}|${src.title}|${src.url}`;
    const entry = into.get(key);
    if (!entry) into.set(key, { ...src, periods: new Map(src.periods) });
    else for (const [id, p] of src.periods) entry.periods.set(id, p);
  }
}

/** Sources in the order first met (the report's own rows first), each with its periods oldest first. */
function sourceList(map: Map<string, SourceTally>): ReportSource[] {
  return [...map.values()].map((s) => ({
    title: s.title,
    url: s.url,
    demo: s.demo,
    periods: [...s.periods.values()].sort(comparePeriods).map((p) => p.label),
  }));
}

function addTally(into: Tally, t: Tally): void {
  into.documentCount += t.documentCount;
  into.taskCount += t.taskCount;
  for (const s of ALL_STATUSES) into.counts[s] += t.counts[s];
  into.demo ||= t.demo;
  into.latest = laterOf(into.latest, t.latest);
  mergeSources(into.sources, t.sources.values());
}

function totalsOf(t: Tally): ReportTotals {
  return {
    documentCount: t.documentCount,
    taskCount: t.taskCount,
    counts: ALL_STATUSES.map((status) => ({ status, count: t.counts[status] })),
    demo: t.demo,
  };
}

function buildIndex(portal: Portal): Index {
  const tasksByDocument = new Map<string, TaskView[]>();
  for (const tv of portal.tasks) {
    const list = tasksByDocument.get(tv.task.documentSlug);
    if (list) list.push(tv);
    else tasksByDocument.set(tv.task.documentSlug, [tv]);
  }
  const links = new Map<string, { dv: DepartmentView; group: Group }[]>();
  for (const dv of portal.departments) {
    const add = (list: TaskView[] | undefined, group: Group) => {
      for (const tv of list ?? []) {
        const l = links.get(tv.task.id);
        if (l) l.push({ dv, group });
        else links.set(tv.task.id, [{ dv, group }]);
      }
    };
    add(dv.primary, 'lead');
    add(dv.helping, 'helping');
    add(dv.mentioned, 'mentioned');
    add(dv.inherited, 'inherited');
  }
  const children = new Map<string, string[]>();
  for (const rv of portal.regions) {
    const parent = rv.region.parentCode;
    if (parent) push(children, parent, rv.region.code);
  }
  const docsByRegion = new Map<string, Document[]>();
  for (const d of portal.documents) push(docsByRegion, d.meta.regionCode, d);
  const documentsOf = (code: string) => docsByRegion.get(code) ?? [];
  const childrenOf = (code: string) => children.get(code) ?? [];
  const periodsOf = (slug: string) => portal.periodsByDocument.get(slug) ?? [];

  // One document in one year: each task's year status by the rule the rows use (statusForYear). Every task
  // is looked at once per year of its document, however many reports above count it.
  const documentTally = (d: Document, year: string): Tally => {
    const t = emptyTally();
    if (!periodsOf(d.slug).some((p) => yearOf(p) === year)) return t;
    t.documentCount = 1;
    for (const tv of tasksByDocument.get(d.slug) ?? []) {
      const at = statusForYear(tv.timeline, year);
      t.taskCount++;
      const shown = shownStatus(at);
      t.counts[shown.status]++;
      if (shown.overdue) t.counts[STATUS.overdue]++;
      const report = shown.report;
      if (tv.demo || report?.source === 'demo') t.demo = true;
      if (report) {
        t.latest = laterOf(t.latest, report.reportedOn);
        addSource(t.sources, report);
      }
    }
    return t;
  };
  const tallies = new Map<string, Tally>();
  const regionTally = (code: string, year: string): Tally => {
    const key = `${code}\u0000${year}`;
    let t = tallies.get(key);
    if (!t) {
      t = emptyTally();
      for (const d of documentsOf(code)) addTally(t, documentTally(d, year));
      for (const c of childrenOf(code)) addTally(t, regionTally(c, year));
      tallies.set(key, t);
    }
    return t;
  };

  const memo = new WeakMap<StatusReport, string>();
  const progressText = (r: StatusReport) => {
    let t = memo.get(r);
    if (t === undefined) {
      t = markdownToText(r.progress);
      memo.set(r, t);
    }
    return t;
  };
  return { portal, tasksByDocument, links, documentsOf, childrenOf, regionTally, progressText };
}

function departmentsOf(ix: Index, tasks: TaskView[]): ReportDepartment[] {
  const { portal } = ix;
  const regionName = (code: string) => portal.regionByCode.get(code)?.region.name ?? code;
  const byId = new Map<string, ReportDepartment>();
  // (department, group, task) already listed: a Set, since one department may carry thousands of tasks.
  const listed = new Set<string>();
  for (const tv of tasks) {
    for (const { dv, group } of ix.links.get(tv.task.id) ?? []) {
      const id = dv.department.id;
      let d = byId.get(id);
      if (!d) {
        d = {
          key: id,
          name: dv.department.name,
          regionName: dv.region.name,
          verified: true,
          url: dv.url || departmentUrl(id),
          lead: [],
          helping: [],
          mentioned: [],
          inherited: [],
          successor: dv.successor ? { name: dv.successor.name, on: dv.department.succeededOn } : null,
        };
        byId.set(id, d);
      }
      const roles = group === 'helping' ? [...new Set(tv.units.filter((u) => u.departmentId === id).map((u) => ROLE_LABELS[u.role]))] : [];
      const k = `${id}\u0000${group}\u0000${tv.task.id}`;
      if (!listed.has(k)) {
        listed.add(k);
        d[group].push({ id: tv.task.id, roles });
      }
    }
  }
  // Inherited tasks are listed only beside the department's own: they alone do not make a section.
  const out = [...byId.values()].filter((d) => d.lead.length + d.helping.length + d.mentioned.length > 0);

  // Units the registry does not know still answer for tasks: group them by the name as written.
  const unknown = new Map<string, ReportDepartment>();
  for (const tv of tasks) {
    const entries = new Map<string, ReportDepartmentTask>(); // this task's entries, by unit name and list
    const primary = new Set(tv.primaryUnits.filter((u) => !u.departmentId).map((u) => u.name));
    for (const u of tv.units) {
      if (u.departmentId) continue;
      let d = unknown.get(u.name);
      if (!d) {
        d = {
          key: `unit:${u.name}`,
          name: u.name,
          regionName: regionName(tv.document.meta.regionCode),
          verified: false,
          url: unverifiedUnitUrl(u.name),
          lead: [],
          helping: [],
          mentioned: [],
          inherited: [],
          successor: null,
        };
        unknown.set(u.name, d);
      }
      const list = primary.has(u.name) ? d.lead : u.role === 'mentioned' ? d.mentioned : d.helping;
      const k = `${u.name}\u0000${list === d.lead ? 'l' : list === d.mentioned ? 'm' : 'h'}`;
      const existing = entries.get(k);
      if (existing) {
        if (list === d.helping && !existing.roles.includes(ROLE_LABELS[u.role])) existing.roles.push(ROLE_LABELS[u.role]);
      } else {
        const entry = { id: tv.task.id, roles: list === d.helping ? [ROLE_LABELS[u.role]] : [] };
        entries.set(k, entry);
        list.push(entry);
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
      b.mentioned.length - a.mentioned.length ||
      collator.compare(a.name, b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function sourcesOf(rows: { row: ReportTaskRow; at: StatusAt | null }[]): Map<string, SourceTally> {
  const map = new Map<string, SourceTally>();
  for (const { at } of rows) if (at?.report) addSource(map, at.report);
  return map;
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
  /** Region reports: the direct sub-regions' rows and the totals over the whole subtree. */
  region?: { subRegions: { row: ReportSubRegion; tally: Tally }[]; subtree: Tally };
}

function buildSpec(ix: Index, scope: Scope, options: ReportOptions): ReportSpec {
  const { portal } = ix;
  // Rows follow the documents' order, then each document's own task order.
  const tasks = scope.documents.flatMap((d) => ix.tasksByDocument.get(d.slug) ?? []);
  const docNumber = new Map(scope.documents.map((d, i) => [d.slug, i + 1]));
  const rows = tasks.map((tv) => {
    const at = scope.statusOf(tv);
    return { tv, at, row: toRow(ix, tv, at, docNumber.get(tv.task.documentSlug)!, scope.period) };
  });
  const regionName = (code: string) => portal.regionByCode.get(code)?.region.name ?? code;
  const rowsByDoc = new Map<string, typeof rows>();
  for (const r of rows) push(rowsByDoc, r.tv.task.documentSlug, r);
  const documents: ReportDocument[] = scope.documents.map((d) => {
    const own = rowsByDoc.get(d.slug) ?? [];
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
  const dates = rows
    .map((r) => r.row.reportedOn)
    .filter((d): d is string => d !== null)
    .sort();
  const subRegions = scope.region?.subRegions ?? [];
  const sources = sourcesOf(rows);
  for (const s of subRegions) mergeSources(sources, s.tally.sources.values());
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
    // The sub-region rows show statuses too: their dates and demo data count.
    dataAsOf: subRegions.reduce((a, s) => laterOf(a, s.tally.latest), dates.at(-1) ?? null),
    demo: rows.some((r) => r.row.demo) || subRegions.some((s) => s.row.demo),
    documents,
    taskCount: rows.length,
    counts: countsOf(rows.map((r) => asStatusAt(r.row, scope.period))),
    departments: departmentsOf(ix, tasks),
    tasks: rows.map((r) => r.row),
    subRegions: subRegions.map((s) => s.row),
    subtree: scope.region ? totalsOf(scope.region.subtree) : null,
    sources: sourceList(sources),
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
 *
 * A region report lists task by task only the region's own documents (a provincial government reports on
 * what it issued itself); each direct sub-region gets one summary row counting its whole subtree, with a link
 * to the sub-region's own report. So a report's size grows with its own documents and its number of
 * sub-regions, not with everything below it. A region without own documents that year gets a summary-only
 * report.
 */
export function reportsForPortal(portal: Portal, options: ReportOptions = {}): ReportSpec[] {
  const out: ReportSpec[] = [];
  const ix = buildIndex(portal);
  const available = availableReports(portal);
  const periodsOf = (slug: string) => portal.periodsByDocument.get(slug) ?? [];

  for (const rv of portal.regions) {
    const code = rv.region.code;
    const own = ix.documentsOf(code);
    for (const year of available.regionYears.get(code) ?? []) {
      const inYear = own.filter((d) => periodsOf(d.slug).some((p) => yearOf(p) === year));
      const subRegions = ix.childrenOf(code).map((c) => {
        const tally = ix.regionTally(c, year);
        const child = portal.regionByCode.get(c)!;
        const hasReport = available.regionYears.get(c)?.includes(year) ?? false;
        const row: ReportSubRegion = {
          code: c,
          name: child.region.name,
          url: child.url || regionUrl(c),
          reportUrl: hasReport ? regionReportUrl(c, year) : null,
          ...totalsOf(tally),
        };
        return { row, tally };
      });
      out.push(
        buildSpec(
          ix,
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
            region: { subRegions, subtree: ix.regionTally(code, year) },
          },
          options,
        ),
      );
    }
  }

  for (const doc of portal.documents) {
    const title = documentTitle(doc);
    for (const period of available.documentPeriods.get(doc.slug) ?? []) {
      out.push(
        buildSpec(
          ix,
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
