// The performance targets as ratios to the bare baseline (bench/targets.ts).
import { describe, expect, it } from 'vitest';
import { evaluateTargets, namedRatios, type TargetInputs } from '../../bench/targets';

const search = (median: number, max: number, p50: number, p95: number) => ({ firstQueryGzipKb: { median, max }, p50Ms: p50, p95Ms: p95 });
const inputs = (over: Partial<TargetInputs> = {}): TargetInputs => ({
  pages: 14_498,
  baseline: { pages: 10_000, astro_s: 30, pagefind_s: 11.3 },
  cold: { total_s: 945.8, phases: { astro: 70, search: 17 } },
  search: { baseline: search(463, 500, 100, 162), portal: search(500, 550, 110, 277) },
  ...over,
});
const byName = (over?: Partial<TargetInputs>) => Object.fromEntries(evaluateTargets(inputs(over)).map((t) => [t.name, t]));

describe('evaluateTargets', () => {
  it('divides the portal by the baseline and compares with the limit', () => {
    const t = byName();
    expect(t['first query, median gzip KB']).toMatchObject({ ratio: 1.08, met: true });
    expect(t['search latency p95']).toMatchObject({ ratio: 1.71, met: false });
    expect(t['cold build']).toMatchObject({ ratio: 22.9, limit: 12, met: false });
  });

  it('compares pages and search per page, not in total', () => {
    // (70 + 17) s / 14,498 pages = 6.0 ms; (30 + 11.3) s / 10,000 = 4.13 ms
    expect(byName()['pages + search per page']).toMatchObject({ ratio: 1.45, met: false });
  });

  it('never counts a target as met when a side was not measured', () => {
    const t = byName({ search: { baseline: null, portal: search(1, 1, 1, 1) }, cold: { total_s: null, phases: {} } });
    expect(t['search latency p50']).toMatchObject({ ratio: null, met: false, detail: 'not measured' });
    expect(t['cold build'].met).toBe(false);
    expect(t['pages + search per page'].met).toBe(false);
  });
});

describe('namedRatios', () => {
  it('gives the ratios under the keys the issue names; the first query is held to the worse of median and max', () => {
    const named = namedRatios(evaluateTargets(inputs()));
    expect(named).toEqual({
      cold_ratio: 22.9,
      per_page_ratio: 1.45,
      search: { first_query_gzip_ratio: 1.1, p50_ratio: 1.1, p95_ratio: 1.71 },
    });
    expect(namedRatios(evaluateTargets(inputs({ search: { baseline: null, portal: null } }))).search.first_query_gzip_ratio).toBeNull();
  });
});
