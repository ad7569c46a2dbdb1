// Which PDF reports the build publishes (available-reports.ts), for pages to link without building them.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods';
import { documentReportUrl, regionReportUrl } from '../../src/domain/urls';
import { reportsForPortal } from '../../src/outputs/pdf/report-model';
import { availableReports, yearOf } from '../../src/portal/available-reports';
import { collectReads, PERIODS_KEY } from '../../src/portal/reads';
import { makePortal, SMALL_DOCUMENTS, smallPortal, treePortal } from '../fixtures/portal-pdf';

describe('availableReports', () => {
  it('lists exactly the reports reportsForPortal builds, for pages to link', () => {
    for (const portal of [smallPortal(), treePortal()]) {
      const a = availableReports(portal);
      const paths = [
        ...[...a.regionYears].flatMap(([code, years]) => years.map((y) => regionReportUrl(code, y))),
        ...[...a.documentYears].flatMap(([slug, years]) => years.map((y) => documentReportUrl(slug, y))),
      ];
      expect(paths.sort()).toEqual(
        reportsForPortal(portal)
          .map((s) => s.path)
          .sort(),
      );
    }
    const portal = smallPortal();
    const a = availableReports(portal);
    expect(a.regionYears.get('542521')).toEqual(['2019']);
    // Reported for 2019-Q3 and 2019-Q4: one annual report, not one per quarter.
    expect(a.documentYears.get('pulan-zhenggai')).toEqual(['2019']);
    expect(a.documentYears.get('ali-fengong')).toEqual(['2019', '2020']);
  });
});

describe('availableReports: years and periods', () => {
  it('gives a region the years of its own documents and of every region below it, oldest first, once each', () => {
    const a = availableReports(treePortal());
    expect(a.regionYears.get('540000')).toEqual(['2019', '2020']); // its own plan (2019), 拉萨's (2020), 阿里's (2019, 2020)
    expect(a.regionYears.get('540100')).toEqual(['2020']);
    expect(a.regionYears.get('542500')).toEqual(['2019', '2020']);
    expect(a.regionYears.get('542521')).toEqual(['2019']); // two quarters, one year
    // Years oldest first, whatever order the documents give them in.
    const late = { slug: 'late', regionCode: '542522', tasks: [{ number: '1', reports: { '2021': { status: '已完成' as const } } }] };
    expect(availableReports(makePortal([late, ...SMALL_DOCUMENTS])).regionYears.get('542500')).toEqual(['2019', '2020', '2021']);
  });

  it('leaves out regions and documents without any period', () => {
    const a = availableReports(makePortal([...SMALL_DOCUMENTS, { slug: 'silent', regionCode: '542522', tasks: [{ number: '1' }] }]));
    expect(a.regionYears.has('542522')).toBe(false); // 札达: a document, but no report
    expect(a.regionYears.has('540100')).toBe(false); // 拉萨: no document
    expect(a.documentYears.has('silent')).toBe(false);
    expect([...a.documentYears.keys()]).toEqual(['ali-fengong', 'pulan-zhenggai']);
  });

  it('takes the year of a period from its start', () => {
    expect(yearOf(parsePeriod('2019'))).toBe('2019');
    expect(yearOf(parsePeriod('2019-Q4'))).toBe('2019');
    expect(yearOf(parsePeriod('2020-01'))).toBe('2020');
  });

  it('is worked out once per portal, and every later use still reports that it read the periods', () => {
    const portal = smallPortal();
    const first = collectReads(() => availableReports(portal));
    const again = collectReads(() => availableReports(portal));
    expect(again.value).toBe(first.value);
    expect([...first.reads]).toContain(PERIODS_KEY);
    expect([...again.reads]).toContain(PERIODS_KEY);
  });
});
