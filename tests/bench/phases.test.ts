// The benchmark's reading of a build log (bench/phases.ts): timings are never asserted, only how they are read.
import { describe, expect, it } from 'vitest';
import { mergePhases, percentile, phasesFromLog, renderCounts, reportedPhases, tagOf } from '../../bench/phases';

describe('bench: reading a build log', () => {
  // An Astro 7 build log as it arrives (t = seconds since the process started).
  const log = [
    [0.9, '04:21:32 [types] Generated 181ms'],
    [1.2, '04:21:32 [build] Building static entrypoints...'],
    [4.9, '04:21:36 [vite] ✓ built in 3.47s'],
    [5.0, ' generating static routes '],
    // The portal loads inside the first page's getStaticPaths(): not an integration.
    [6.0, '[qingdan] parse cache: 0 reused, 351 parsed, 0 pruned'],
    [15.0, '04:21:46 ✓ Completed in 10.08s.'],
    [
      17.9,
      '04:21:49 [qingdan-page-cache] pages: 600 keyed, 12 rendered, 588 reused from the previous build (12 with changed inputs); 23 unkeyed page(s) rendered',
    ],
    [18.0, '04:21:49 [build] Waiting for integration "qingdan-search", hook "astro:build:done"...'],
    [19.5, '04:21:50 [qingdan-cards] cards: 635 pages, 600 distinct; 590 reused from cache, 10 to render on 2 worker(s)'],
    [20.5, '04:21:51 [qingdan:pdf-reports/pdf] 20 reports: 3 rendered, 17 from cache (/c/pdf) in 1.5 s'],
    [22.0, '04:21:52 [qingdan-search] search shard 2/3: 150 records indexed in 1.2 s'],
    [22.0, '04:21:52 [qingdan-search] search: 438 records in 3 shards (1 indexed, 2 from cache) in 4.1 s'],
    [22.1, '04:21:52 [build] 635 page(s) built in 18.15s'],
  ].map(([t, text]) => ({ t: t as number, text: text as string }));

  it('cuts setup, bundle, pages and the integrations at the lines Astro prints', () => {
    const p = phasesFromLog(log, 23);
    expect(p.setup).toBeCloseTo(1.2);
    expect(p.bundle).toBeCloseTo(3.8);
    expect(p.pages).toBeCloseTo(10);
    expect(p.integrations).toBeCloseTo(7.1);
    expect(p.cards).toBeCloseTo(1);
    expect(p.search).toBeCloseTo(0.1);
  });

  it('prefers what integrations report about themselves', () => {
    const reported = reportedPhases([...log, { t: 22.2, text: '[qingdan:phase] ingest 2.5s' }]);
    expect(reported).toEqual({ astro: 18.15, pdf: 1.5, search: 4.1, ingest: 2.5 });
    expect(reportedPhases([{ t: 0, text: '14:28:53 [build] 59377 page(s) built in 6m 48s' }])).toEqual({ astro: 408 });
    const merged = mergePhases(reported, phasesFromLog(log, 23), { ingest: 9, join: 0.1 });
    expect(merged.seconds.search).toBe(4.1);
    expect(merged.sources.search).toBe('build-report');
    expect(merged.seconds.ingest).toBe(2.5);
    expect(merged.sources.pages).toBe('log-boundaries');
    expect(merged.sources.join).toBe('separate-process');
  });

  it('reads rendered counts, tags and percentiles', () => {
    expect(renderCounts(log)).toEqual({ cardsRendered: 10, pdfsRendered: 3, pagesRendered: 12, pagesReused: 588 });
    expect(renderCounts([])).toEqual({ cardsRendered: null, pdfsRendered: null, pagesRendered: null, pagesReused: null });
    expect(tagOf('04:21:52 [qingdan-search] x')).toBe('qingdan-search');
    expect(tagOf(' generating static routes ')).toBeNull();
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
    expect(percentile([], 95)).toBeNull();
  });
});
