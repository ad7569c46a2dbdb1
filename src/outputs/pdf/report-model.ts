// Which PDF reports exist and exactly what each one shows. Pure: Portal in, plain data out (report-spec.ts).
import { ALL_STATUSES, STATUS_DESCRIPTIONS } from '../../domain/status-catalogue';
import type { Region, StatusAt } from '../../domain/types';
import { type Document, type Period } from '../../domain/types';
import { documentReportUrl, documentUrl, regionReportUrl, regionUrl } from '../../domain/urls';
import { availableReports, yearOf } from '../../portal/available-reports';
import { documentTitle } from '../../portal/titles';
import type { Portal, TaskView } from '../../portal/types';
import { type Index, buildIndex, push } from './report-index';
import { asStatusAt, departmentsOf, issuerOf, sourcesOf, toRow } from './report-rows';
import type { ReportDocument, ReportOptions, ReportSpec, ReportSubRegion } from './report-spec';
import { type Tally, countsOf, laterOf, mergeSources, sourceList, statusForYear, totalsOf } from './report-tally';

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
 * Every report the portal publishes (availableReports): one per region and year (the years of the periods of
 * the documents of the region and all regions below it) and one per document and year. Regions first, each
 * in portal order; years oldest first. A task's status for a year is that of the last period of the year
 * with a report (statusForYear), the period named beside it when it is not the whole year.
 *
 * A region report lists task by task only the region's own documents (a provincial government reports on
 * what it issued itself); each direct sub-region gets one summary row counting its whole subtree, with a link
 * to the sub-region's own report. So a report's size grows with its own documents and its number of
 * sub-regions, not with everything below it. A region without own documents that year gets a summary-only
 * report.
 */
export function reportsForPortal(portal: Portal, options: ReportOptions = {}): ReportSpec[] {
  return [...reportSpecs(portal, options)];
}

/** The specs of reportsForPortal one at a time, in its order: the build makes them taking turns with the event loop. */
export function* reportSpecs(portal: Portal, options: ReportOptions = {}): Generator<ReportSpec> {
  const ix = buildIndex(portal);
  const available = availableReports(portal);
  const periodsOf = (slug: string) => portal.reportedPeriodsByDocument.get(slug) ?? [];

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
      yield buildSpec(
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
      );
    }
  }

  for (const doc of portal.documents) {
    const title = documentTitle(doc);
    for (const year of available.documentYears.get(doc.slug) ?? []) {
      yield buildSpec(
        ix,
        {
          kind: 'document',
          path: documentReportUrl(doc.slug, year),
          title: `《${title}》${year}年度落实情况报告`,
          shortTitle: `${doc.docNumber ?? title} · ${year}年度`,
          subject: title,
          subjectUrl: documentUrl(doc.slug),
          period: yearPeriod(year),
          documents: [doc],
          statusOf: (tv) => statusForYear(tv.timeline, year),
        },
        options,
      );
    }
  }
}
