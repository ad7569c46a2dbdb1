// Portal → open-data records. Pure and linear in the number of tasks: one pass, map lookups only.
import type { Portal, TaskView } from '../../portal/types';
import type { ResolvedUnit } from '../../domain/types';
import { isDemoStatus } from '../../portal/current-status';
import type { Deadline, Document, Section, StatusAt, StatusReport, Target, UnitRef } from '../../domain/types';
import { ROLE_LABELS } from '../../domain/types';
import { departmentUrl, documentUrl, taskUrl, unverifiedUnitUrl } from '../../domain/urls';
import { sectionNumber } from '../../portal/section-label';
import { isAllowedUrl, linkableUrl } from '../../domain/links';
import { shownDeadline } from '../../portal/deadline';
import {
  DATA_FORMAT_VERSION,
  DEMO_NOTICE,
  type DepartmentRecord,
  type DocumentRecord,
  type DocumentsFile,
  type FinalDeadlineRecord,
  type FileHeader,
  type ReportRecord,
  type ReportsFile,
  type TaskRecord,
  type TasksFile,
  type UnitRecord,
  type UnitsFile,
} from './schema';

export { DATA_FILES } from './files';
import { DATA_FILES } from './files';

/** "https://x.cn/" or URL → "https://x.cn": every url field is a path to append to it. */
export function normaliseSite(site: string | URL | undefined): string {
  if (!site) throw new Error('the site URL is not set: set `site` in astro.config.mjs (QINGDAN_SITE_URL)');
  return String(site).replace(/\/+$/, '');
}

/** The page of a unit: its department's when the registry knows it, otherwise its own /units/<key>/. */
export function unitUrl(unit: Pick<ResolvedUnit, 'name' | 'departmentId'>): string {
  return unit.departmentId ? departmentUrl(unit.departmentId) : unverifiedUnitUrl(unit.name);
}

export const isDemoReport = (r: StatusReport) => r.source === 'demo';

function header(portal: Portal, site: string, schemaPath: string, demo: boolean): FileHeader {
  return {
    $schema: site + schemaPath,
    version: DATA_FORMAT_VERSION,
    generatedOn: portal.generatedOn,
    site,
    demo,
    notice: demo ? DEMO_NOTICE : null,
  };
}

const deadline = (d: Deadline) => ({ text: d.text, date: d.date, kind: d.kind });
const target = (t: Target) => ({ text: t.text, value: t.value, unit: t.unit });
const unitRef = (u: UnitRef) => ({ name: u.name, written: u.written ?? null, role: u.role, roleLabel: ROLE_LABELS[u.role] });

function sectionIndex(portal: Portal): Map<string, Map<string, Section>> {
  const byDoc = new Map<string, Map<string, Section>>();
  for (const d of portal.documents) byDoc.set(d.slug, new Map(d.sections.map((s) => [s.id, s])));
  return byDoc;
}

/** Where a task's final deadline comes from, in the words the task page uses (src/portal/deadline.ts). */
export const DEADLINE_SOURCE_LABELS: Record<FinalDeadlineRecord['source'], string> = {
  text: '原文写明',
  span: '原文未写明，按文件实施期限截止日计',
  standing: '只有长期性要求，不计逾期',
};

export function finalDeadlineRecord(view: Pick<TaskView, 'task' | 'document'>): FinalDeadlineRecord {
  const shown = shownDeadline(view);
  const source: FinalDeadlineRecord['source'] = shown.date === null ? 'standing' : shown.implied ? 'span' : 'text';
  return { date: shown.date, source, sourceLabel: DEADLINE_SOURCE_LABELS[source] };
}

/** The latest period up to the current one with a report of the task, and that report's date. */
function lastReported(view: TaskView, current: StatusAt) {
  const period = current.lastReported;
  if (!period) return { lastReportedPeriodId: null, lastReportedPeriodLabel: null, lastReportedOn: null };
  let on: string | null = null;
  for (const r of view.reports) if (r.period.id === period.id && (on === null || r.reportedOn > on)) on = r.reportedOn;
  return { lastReportedPeriodId: period.id, lastReportedPeriodLabel: period.label, lastReportedOn: on };
}

export function taskRecord(view: TaskView, portal: Portal, sections?: Map<string, Section>): TaskRecord {
  const { task, document } = view;
  const secs = sections ?? new Map(document.sections.map((s) => [s.id, s]));
  const current = view.current;
  return {
    id: task.id,
    localId: task.localId,
    url: taskUrl(task.id),
    document: {
      slug: document.slug,
      title: document.title,
      docNumber: document.docNumber,
      issuer: document.issuer ?? document.meta.issuer ?? null,
      regionCode: document.meta.regionCode,
      regionName: portal.regionByCode.get(document.meta.regionCode)?.region.name ?? null,
      url: documentUrl(document.slug),
    },
    kind: task.kind,
    number: task.number,
    marker: task.marker,
    title: task.title,
    text: task.text,
    sections: task.sectionPath.flatMap((id) => {
      const s = secs.get(id);
      return s ? [{ id: s.id, number: sectionNumber(s), title: s.title }] : [];
    }),
    units: view.units.map((u) => ({
      ...unitRef(u),
      departmentId: u.departmentId,
      departmentName: u.departmentId ? (portal.departmentById.get(u.departmentId)?.department.name ?? null) : null,
      verified: u.verified,
      url: unitUrl(u),
    })),
    deadlines: task.deadlines.map(deadline),
    finalDeadline: finalDeadlineRecord(view),
    targets: task.targets.map(target),
    measures: task.measures.map((m) => ({
      id: m.id,
      number: m.number,
      text: m.text,
      units: m.units.map(unitRef),
      deadlines: m.deadlines.map(deadline),
      targets: m.targets.map(target),
      line: m.line,
    })),
    cause: task.fields.cause ?? null,
    goals: task.fields.goals ?? null,
    timeLimits: task.fields.timeLimits ?? null,
    gaps: task.gaps.map((g) => ({ field: g.field, reason: g.reason })),
    corrections: task.corrections.map((c) => ({ field: c.field, reason: c.reason })),
    status: current
      ? {
          periodId: current.period.id,
          periodLabel: current.period.label,
          periodStart: current.period.start,
          periodEnd: current.period.end,
          status: current.status,
          overdue: current.overdue,
          reportedOn: current.report?.reportedOn ?? null,
          reportingUnit: current.report?.reportingUnit ?? null,
          demo: isDemoStatus(current, view),
          asOf: portal.generatedOn,
          ...lastReported(view, current),
        }
      : null,
    demo: view.demo,
    sourceFile: document.sourceFile,
    lineStart: task.lineStart,
    lineEnd: task.lineEnd,
  };
}

export function taskRecords(portal: Portal): TaskRecord[] {
  const sections = sectionIndex(portal);
  return portal.tasks.map((v) => taskRecord(v, portal, sections.get(v.document.slug)));
}

export function tasksFile(portal: Portal, site: string, records = taskRecords(portal)): TasksFile {
  const demo = records.some((r) => r.demo || r.status?.demo === true);
  return { ...header(portal, site, DATA_FILES.tasks.schema, demo), count: records.length, tasks: records };
}

export function unitRecords(portal: Portal): UnitRecord[] {
  const rows: UnitRecord[] = [];
  for (const view of portal.tasks) {
    for (const u of view.units) {
      const dept = u.departmentId ? portal.departmentById.get(u.departmentId)?.department : undefined;
      rows.push({
        taskId: view.task.id,
        taskUrl: taskUrl(view.task.id),
        documentSlug: view.document.slug,
        taskNumber: view.task.number,
        ...unitRef(u),
        departmentId: u.departmentId,
        departmentName: dept?.name ?? null,
        regionCode: dept?.regionCode ?? null,
        regionName: dept ? (portal.regionByCode.get(dept.regionCode)?.region.name ?? null) : null,
        verified: u.verified,
        url: unitUrl(u),
      });
    }
  }
  return rows;
}

export function departmentRecords(portal: Portal): DepartmentRecord[] {
  return portal.departments.map((dv) => ({
    id: dv.department.id,
    name: dv.department.name,
    regionCode: dv.department.regionCode,
    regionName: dv.region.name,
    aliases: [...dv.department.aliases],
    successorId: dv.department.successorId,
    succeededOn: dv.department.succeededOn,
    collective: dv.department.collective,
    primaryTaskCount: dv.primary.length,
    helpingTaskCount: dv.helping.length,
    mentionedTaskCount: dv.mentioned.length,
    inheritedTaskCount: dv.inherited.length,
    url: departmentUrl(dv.department.id),
  }));
}

export function unitsFile(portal: Portal, site: string, rows = unitRecords(portal)): UnitsFile {
  return {
    // Unit assignments come from the documents, never from status data: no demo here.
    ...header(portal, site, DATA_FILES.units.schema, false),
    count: rows.length,
    units: rows,
    departments: departmentRecords(portal),
  };
}

export function reportRecord(view: TaskView, r: StatusReport): ReportRecord {
  const demo = isDemoReport(r);
  const source = r.source === 'demo' ? null : r.source;
  return {
    taskId: view.task.id,
    taskUrl: taskUrl(view.task.id),
    documentSlug: view.document.slug,
    periodId: r.period.id,
    periodKind: r.period.kind,
    periodLabel: r.period.label,
    periodStart: r.period.start,
    periodEnd: r.period.end,
    status: r.status,
    progress: r.progress,
    reportingUnit: r.reportingUnit,
    reportedOn: r.reportedOn,
    // Only URLs that pass the link rule (src/domain/links.ts) reach a data file; input validation refused the rest.
    evidence: r.evidence.filter((e) => isAllowedUrl(e.url)).map((e) => ({ title: e.title, url: e.url })),
    indicators: r.indicators.map((i) => ({ target: i.target, value: i.value, unit: i.unit ?? null, note: i.note ?? null })),
    demo,
    sourceTitle: source?.title ?? null,
    sourceUrl: linkableUrl(source?.url),
    file: r.file,
    line: r.line,
  };
}

export function reportRecords(portal: Portal): ReportRecord[] {
  const rows: ReportRecord[] = [];
  for (const view of portal.tasks) for (const r of view.reports) rows.push(reportRecord(view, r));
  return rows;
}

export function reportsFile(portal: Portal, site: string, rows = reportRecords(portal)): ReportsFile {
  const demo = rows.some((r) => r.demo);
  return { ...header(portal, site, DATA_FILES.reports.schema, demo), count: rows.length, reports: rows };
}

export function documentRecord(doc: Document, portal: Portal, demo: boolean): DocumentRecord {
  return {
    slug: doc.slug,
    url: documentUrl(doc.slug),
    title: doc.title,
    kind: doc.meta.kind,
    docNumber: doc.docNumber,
    indexNumber: doc.indexNumber,
    issuer: doc.issuer ?? doc.meta.issuer ?? null,
    writtenOn: doc.writtenOn,
    publishedOn: doc.publishedOn,
    regionCode: doc.meta.regionCode,
    regionName: portal.regionByCode.get(doc.meta.regionCode)?.region.name ?? null,
    sourceUrl: linkableUrl(doc.meta.sourceUrl),
    sourceFile: doc.sourceFile,
    reporting: doc.meta.reporting,
    spanStart: doc.meta.span.start,
    spanEnd: doc.meta.span.end,
    taskCount: doc.tasks.length,
    periods: (portal.periodsByDocument.get(doc.slug) ?? []).map((p) => ({ id: p.id, label: p.label, start: p.start, end: p.end })),
    demo,
  };
}

export function documentsFile(portal: Portal, site: string): DocumentsFile {
  const demoDocs = new Set<string>();
  for (const v of portal.tasks) if (v.demo) demoDocs.add(v.document.slug);
  const records = portal.documents.map((d) => documentRecord(d, portal, demoDocs.has(d.slug)));
  return { ...header(portal, site, DATA_FILES.documents.schema, demoDocs.size > 0), count: records.length, documents: records };
}
