// The benchmark's search measurement (bench/search.ts) on the built site: it runs the first queries
// through the search page in fresh browsers, plain and gzipped, and counts what they download.
// Figures are never asserted against targets here; only that they are measured and hang together.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_QUERIES, LATENCY_RUNS, measureSearch } from '../../bench/search.ts';
import { distDir } from '../helpers/browser.ts';

describe('bench: search measurement', () => {
  it('measures every first query through the search page, gzip smaller than plain', async () => {
    const m = await measureSearch(distDir(), '/search/', ['垃圾', '生态环境局', '厕所革命']);
    expect(m.firstQueryVia).toBe('search page');
    expect(Object.keys(m.firstQueryKb.byQuery)).toEqual(FIRST_QUERIES);
    expect(Object.keys(m.firstQueryGzipKb.byQuery)).toEqual(FIRST_QUERIES);
    for (const q of FIRST_QUERIES) {
      // pagefind.js and its wasm alone are about 100 KB: anything less means a download went uncounted.
      expect(m.firstQueryKb.byQuery[q], q).toBeGreaterThan(100);
      expect(m.firstQueryGzipKb.byQuery[q], q).toBeLessThan(m.firstQueryKb.byQuery[q]!);
    }
    expect(m.firstQueryKb.max).toBe(Math.max(...Object.values(m.firstQueryKb.byQuery)));
    expect(m.queries).toBe(2 * LATENCY_RUNS); // the two queries after the first, each LATENCY_RUNS times
    expect(m.p95Ms).toBeGreaterThan(0);
  }, 180_000);

  it('fails the latency run when a query reaches another host, though it no longer routes requests', async () => {
    // A stand-in for Pagefind whose results fetch from elsewhere, but only after the first queries:
    // those run in browsers that refuse other hosts, the latency run in one that only watches.
    const site = mkdtempSync(join(tmpdir(), 'qingdan-bench-search-'));
    try {
      mkdirSync(join(site, 'pagefind'));
      mkdirSync(join(site, 'page'));
      writeFileSync(join(site, 'page', 'index.html'), '<!doctype html><html lang="zh-CN"><title>t</title><p>t</p></html>');
      writeFileSync(
        join(site, 'pagefind', 'pagefind.js'),
        `let n = 0;
export async function search() {
  n++;
  return { results: [{ data: async () => (n > 1 ? fetch('http://127.0.0.2:9/leak').catch(() => null) : null) }] };
}`,
      );
      await expect(measureSearch(site, '/page/', ['垃圾', '生态环境局'])).rejects.toThrow(/other hosts: http:\/\/127\.0\.0\.2:9\/leak/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 180_000);
});
