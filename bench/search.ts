// Search as a reader meets it: a built site served locally, opened in headless Chromium with an
// empty cache; the bytes transferred up to the results of a first query, and the latency of a run
// of further queries through Pagefind's API (search + the data of the first 10 results).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { percentile } from './phases.ts';

export interface SearchMetrics {
  page: string;
  /** Bytes (encoded, as transferred) to load the page, before any query. */
  pageKb: number;
  /** Bytes the first query added: pagefind.js, wasm, index chunks, fragments. */
  firstQueryKb: number;
  /** Both together: what a reader downloads to see the first results. */
  totalFirstQueryKb: number;
  firstQueryMs: number;
  queries: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Results of the first query (a sanity check that the index holds the corpus). */
  firstQueryResults: number;
}

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Words the synthetic corpus is full of, in the order queries are run; the first is the "first query". */
export const QUERIES = [
  '森林覆盖率', '污水处理', '大气污染', '饮用水水源', '草原', '矿产资源', '生活垃圾', '生态旅游', '节能减排', '高标准农田',
  '河长制', '扬尘', '危险废物', '地质灾害', '水土保持', '清洁能源', '秸秆综合利用', '监测网络', '宣传教育', '督察整改',
  '生态补偿', '农村人居环境', '退牧还草', '工业固体废物', '自然保护地', '排污口', '燃煤锅炉', '绿色学校', '防灾减灾', '目标考核',
  '合成', '林业和草原局', '生态环境局', '发展改革委', '住房城乡建设局', '农业农村局', '水利局', '自然资源局', '交通运输局', '财政局',
];

/** Why the metrics cannot be taken for `siteDir`, or null when they can. */
export function searchUnavailable(siteDir: string, pagePath: string): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(siteDir, 'pagefind', 'pagefind.js'))) return `no Pagefind index (${join(siteDir, 'pagefind', 'pagefind.js')} missing)`;
  const page = join(siteDir, ...pagePath.split('/').filter(Boolean), pagePath.endsWith('/') ? 'index.html' : '');
  if (!existsSync(page)) return `no page ${pagePath} in the build`;
  return null;
}

export async function measureSearch(siteDir: string, pagePath: string, queries: readonly string[] = QUERIES): Promise<SearchMetrics> {
  const server = await startStaticServer(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const context = await browser.newContext();
    // Nothing leaves the machine: any other host is refused.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const page = await context.newPage();
    // Every request of the context, the Pagefind worker's included: a CDP session on the page sees
    // only the page's own, and Pagefind 1.6 fetches its index from a worker (counted so, the first
    // query at 10,000 tasks looked like 75 KB; it is about 460 KB).
    let bytes = 0;
    const sizing: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      sizing.push(
        request.sizes().then(
          (s) => void (bytes += s.responseHeadersSize + s.responseBodySize),
          () => undefined,
        ),
      );
    });
    const settled = async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(sizing);
    };

    await page.goto(server.origin + pagePath, { waitUntil: 'networkidle' });
    await settled();
    const pageBytes = bytes;

    // A string, not a function: the bundler must not rewrite the browser's dynamic import.
    const first = (await page.evaluate(`(async () => {
      const t0 = performance.now();
      // The page's own Pagefind instance when it exposes one, else the module from the same origin.
      const own = window.pagefind && typeof window.pagefind.search === 'function' ? window.pagefind : null;
      const pf = own ?? (await import('/pagefind/pagefind.js'));
      window.__bench_pf = pf;
      const r = await pf.search(${JSON.stringify(queries[0])});
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return { ms: performance.now() - t0, results: r.results.length };
    })()`)) as { ms: number; results: number };
    // Let trailing transfers (fragments) land before the count is read.
    await settled();
    const firstBytes = bytes - pageBytes;

    const times: number[] = [];
    for (const q of queries.slice(1)) {
      const ms = await page.evaluate(async (query) => {
        const pf = (window as unknown as { __bench_pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> } }).__bench_pf;
        const t0 = performance.now();
        const r = await pf.search(query);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return performance.now() - t0;
      }, q);
      times.push(ms);
    }
    const kb = (b: number) => Math.round(b / 102.4) / 10;
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      page: pagePath,
      pageKb: kb(pageBytes),
      firstQueryKb: kb(firstBytes),
      totalFirstQueryKb: kb(pageBytes + firstBytes),
      firstQueryMs: Math.round(first.ms * 10) / 10,
      queries: times.length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      firstQueryResults: first.results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
