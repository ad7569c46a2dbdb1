// Which PDF reports the build publishes, cheaply and without building them: pages link them through
// regionReportUrl / documentReportUrl, so no page may link a report the build does not write. The PDF
// stage (src/outputs/pdf/report-model.ts) writes exactly these.
import { comparePeriods } from '../domain/periods';
import type { Period } from '../domain/types';
import { memoWithReads } from './reads';
import type { Portal } from './types';

export interface AvailableReports {
  /** region code → years with a report, oldest first (regions without any are absent). */
  regionYears: Map<string, string[]>;
  /** document slug → periods with a report, oldest first. */
  documentPeriods: Map<string, Period[]>;
}

/** The year of a period: its start's. */
export const yearOf = (p: Period): string => p.start.slice(0, 4);

/**
 * One report per region and year (the years of the periods of the documents of the region and all regions
 * below it), one per document and reporting period.
 */
export const availableReports = memoWithReads((portal: Portal): AvailableReports => {
  const periodsOf = (slug: string) => portal.reportedPeriodsByDocument.get(slug) ?? [];
  const regionYears = new Map<string, string[]>();
  for (const rv of portal.regions) {
    const years = [...new Set(rv.documents.flatMap((d) => periodsOf(d.slug).map(yearOf)))].sort();
    if (years.length) regionYears.set(rv.region.code, years);
  }
  const documentPeriods = new Map<string, Period[]>();
  for (const d of portal.documents) {
    const periods = [...periodsOf(d.slug)].sort(comparePeriods);
    if (periods.length) documentPeriods.set(d.slug, periods);
  }
  return { regionYears, documentPeriods };
});
