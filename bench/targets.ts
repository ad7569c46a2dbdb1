// The decided performance targets (issue "Performance, second round"), each a ratio to the bare
// baseline (Astro + Pagefind over the same tasks) measured in the same run: a number that holds
// across machines, unlike seconds. A target whose inputs are missing is reported as such, never met.

export interface TargetInputs {
  pages: number | null;
  baseline: { pages: number; astro_s: number | null; pagefind_s: number | null };
  cold: { total_s: number | null; phases: Record<string, number> };
  search: {
    baseline: { firstQueryGzipKb: { median: number; max: number }; p50Ms: number | null; p95Ms: number | null } | null;
    portal: { firstQueryGzipKb: { median: number; max: number }; p50Ms: number | null; p95Ms: number | null } | null;
  };
}

export interface TargetResult {
  name: string;
  /** Portal ÷ baseline; null when an input is missing. */
  ratio: number | null;
  /** The ratio must not exceed this. */
  limit: number;
  met: boolean;
  /** The two sides, for the reader. */
  detail: string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function target(
  name: string,
  portal: number | null | undefined,
  baseline: number | null | undefined,
  limit: number,
  unit: string,
): TargetResult {
  if (portal == null || baseline == null || baseline <= 0) return { name, ratio: null, limit, met: false, detail: 'not measured' };
  const ratio = r2(portal / baseline);
  return { name, ratio, limit, met: ratio <= limit, detail: `${r2(portal)}${unit} against ${r2(baseline)}${unit}` };
}

/**
 * The ratios under the keys the issue names: `cold_ratio`, `per_page_ratio`, and in `search`
 * `first_query_gzip_ratio` (the larger of the median's and the max's: both must hold), `p50_ratio`,
 * `p95_ratio`. Null where a side was not measured.
 */
export interface NamedRatios {
  cold_ratio: number | null;
  per_page_ratio: number | null;
  search: { first_query_gzip_ratio: number | null; p50_ratio: number | null; p95_ratio: number | null };
}

export function namedRatios(targets: readonly TargetResult[]): NamedRatios {
  const ratio = (name: string) => targets.find((t) => t.name === name)?.ratio ?? null;
  const median = ratio('first query, median gzip KB');
  const max = ratio('first query, max gzip KB');
  return {
    cold_ratio: ratio('cold build'),
    per_page_ratio: ratio('pages + search per page'),
    search: {
      first_query_gzip_ratio: median === null || max === null ? null : Math.max(median, max),
      p50_ratio: ratio('search latency p50'),
      p95_ratio: ratio('search latency p95'),
    },
  };
}

export function evaluateTargets(r: TargetInputs): TargetResult[] {
  const sb = r.search.baseline;
  const sp = r.search.portal;
  const bareTotal = r.baseline.astro_s != null && r.baseline.pagefind_s != null ? r.baseline.astro_s + r.baseline.pagefind_s : null;
  const bareMsPerPage = bareTotal != null && r.baseline.pages > 0 ? (bareTotal * 1000) / r.baseline.pages : null;
  const astro = r.cold.phases.astro;
  const search = r.cold.phases.search;
  const portalMsPerPage = astro !== undefined && search !== undefined && r.pages ? ((astro + search) * 1000) / r.pages : null;
  return [
    target('first query, median gzip KB', sp?.firstQueryGzipKb.median, sb?.firstQueryGzipKb.median, 1.2, ' KB'),
    target('first query, max gzip KB', sp?.firstQueryGzipKb.max, sb?.firstQueryGzipKb.max, 1.2, ' KB'),
    target('search latency p50', sp?.p50Ms, sb?.p50Ms, 1.2, ' ms'),
    target('search latency p95', sp?.p95Ms, sb?.p95Ms, 1.2, ' ms'),
    target('pages + search per page', portalMsPerPage, bareMsPerPage, 1.2, ' ms/page'),
    target('cold build', r.cold.total_s, bareTotal, 12, ' s'),
  ];
}
