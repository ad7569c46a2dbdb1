// Which PDF reports the build publishes, cheaply and without building them: pages link them through
// regionReportUrl / documentReportUrl, so no page may link a report the build does not write. The PDF
// stage (src/outputs/pdf/report-model.ts) writes exactly these.
import type { Period } from '../domain/types';
import { memoWithReads } from './reads';
import type { Portal } from './types';

export interface AvailableReports {
  /** region code → years with a report, oldest first (regions without any are absent). */
  regionYears: Map<string, string[]>;
  /** document slug → years with a reported period, oldest first (documents without any are absent). */
  documentYears: Map<string, string[]>;
}

/** The year of a period: its start's. */
export const yearOf = (p: Period): string => p.start.slice(0, 4);

/** The years of some periods, each once, oldest first. */
const yearsOf = (periods: Period[]): string[] => [...new Set(periods.map(yearOf))].sort();

/**
 * Annual reports only, the ones officials print and file: one per region and year (the years of the periods
 * of the documents of the region and all regions below it), one per document and year. A document reported
 * quarterly or monthly gets one report a year, not one per period: each period's status is on the web pages.
 */
export const availableReports = memoWithReads((portal: Portal): AvailableReports => {
  const periodsOf = (slug: string) => portal.reportedPeriodsByDocument.get(slug) ?? [];
  const regionYears = new Map<string, string[]>();
  for (const rv of portal.regions) {
    const years = yearsOf(rv.documents.flatMap((d) => periodsOf(d.slug)));
    if (years.length) regionYears.set(rv.region.code, years);
  }
  const documentYears = new Map<string, string[]>();
  for (const d of portal.documents) {
    const years = yearsOf(periodsOf(d.slug));
    if (years.length) documentYears.set(d.slug, years);
  }
  return { regionYears, documentYears };
});
