// Search as a reader meets it: a built site served locally, opened in headless Chromium with an
// empty cache; the bytes transferred up to the results of a first query (each of FIRST_QUERIES in a
// fresh browser, typed into the search page where the site has one), served plain and gzipped, and
// the latency of a run of further queries through Pagefind's API (search + data of the first 10),
// in a browser whose requests are watched rather than routed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { percentile } from './phases.ts';

/** Bytes (encoded, as transferred) from an empty cache to the first results, KB. */
export interface DownloadKb {
  median: number;
  max: number;
  byQuery: Record<string, number>;
}

export interface SearchMetrics {
  page: string;
  /** How the first queries were run: typed into the search page, or through Pagefind's API on `page`. */
  firstQueryVia: 'search page' | 'api';
  /** The first query's download, one fresh browser per query (FIRST_QUERIES), files served as they are. */
  firstQueryKb: DownloadKb;
  /** The same with HTML, CSS, JS and JSON gzipped by the server, as a host configured for it sends them. */
  firstQueryGzipKb: DownloadKb;
  /** Median time from navigation to the first results, ms. */
  firstQueryMs: number;
  queries: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Results of the first of FIRST_QUERIES (a sanity check that the index holds the corpus). */
  firstQueryResults: number;
}

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Words of 2 to 4 characters, as citizens type them, each a reader's first query in a fresh browser. */
export const FIRST_QUERIES = ['草原', '扬尘', '河长制', '排污口', '污水处理', '生活垃圾', '危险废物', '水土保持'];

/** Words the synthetic corpus is full of, in the order the latency run searches them. */
export const QUERIES = [
  '森林覆盖率',
  '污水处理',
  '大气污染',
  '饮用水水源',
  '草原',
  '矿产资源',
  '生活垃圾',
  '生态旅游',
  '节能减排',
  '高标准农田',
  '河长制',
  '扬尘',
  '危险废物',
  '地质灾害',
  '水土保持',
  '清洁能源',
  '秸秆综合利用',
  '监测网络',
  '宣传教育',
  '督察整改',
  '生态补偿',
  '农村人居环境',
  '退牧还草',
  '工业固体废物',
  '自然保护地',
  '排污口',
  '燃煤锅炉',
  '绿色学校',
  '防灾减灾',
  '目标考核',
  '合成',
  '林业和草原局',
  '生态环境局',
  '发展改革委',
  '住房城乡建设局',
  '农业农村局',
  '水利局',
  '自然资源局',
  '交通运输局',
  '财政局',
];

/** Why the metrics cannot be taken for `siteDir`, or null when they can. */
export function searchUnavailable(siteDir: string, pagePath: string): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(siteDir, 'pagefind', 'pagefind.js')))
    return `no Pagefind index (${join(siteDir, 'pagefind', 'pagefind.js')} missing)`;
  const page = join(siteDir, ...pagePath.split('/').filter(Boolean), pagePath.endsWith('/') ? 'index.html' : '');
  if (!existsSync(page)) return `no page ${pagePath} in the build`;
  return null;
}

/** Run `query` as a reader's first: by the search page's URL, or through Pagefind's API on `pagePath`. */
async function firstQuery(page: Page, origin: string, pagePath: string, query: string, viaSearchPage: boolean): Promise<number> {
  if (viaSearchPage) {
    await page.goto(`${origin}${pagePath}?q=${encodeURIComponent(query)}`);
    const status = page.locator('[data-status]');
    await page.waitForFunction(() => /找到|没有找到|失败/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, {
      timeout: 120_000,
    });
    const text = (await status.textContent()) ?? '';
    if (/失败/.test(text)) throw new Error(`search page for ${query}: ${text}`);
    const found = Number(/找到 (\d+) 条/.exec(text)?.[1] ?? 0);
    if (found > 0) await page.locator('[data-results] li').first().waitFor({ timeout: 120_000 });
    return found;
  }
  await page.goto(origin + pagePath, { waitUntil: 'networkidle' });
  // A string, not a function: the bundler must not rewrite the browser's dynamic import.
  return (await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    const r = await pf.search(${JSON.stringify(query)});
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return r.results.length;
  })()`)) as number;
}

/** A fresh context on `origin` that refuses every other host and counts every byte it receives, the Pagefind worker's included. */
async function countingContext(browser: Browser, origin: string) {
  const context = await browser.newContext();
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  // Every request of the context: a CDP session on the page sees only the page's own, and Pagefind
  // 1.6 fetches its index from a worker (counted so, the first query at 10,000 tasks looked like
  // 75 KB; it was about 460 KB).
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
  const page = await context.newPage();
  const settledBytes = async () => {
    await page.waitForLoadState('networkidle');
    await Promise.all(sizing);
    return bytes;
  };
  return { context, page, settledBytes };
}

const kb = (b: number) => Math.round(b / 102.4) / 10;

async function firstQueryDownloads(browser: Browser, siteDir: string, gzip: boolean, pagePath: string, viaSearchPage: boolean) {
  const server = await startStaticServer(siteDir, { gzip });
  try {
    const byQuery: Record<string, number> = {};
    const ms: number[] = [];
    let results = 0;
    for (const [i, q] of FIRST_QUERIES.entries()) {
      const { context, page, settledBytes } = await countingContext(browser, server.origin);
      try {
        const t0 = performance.now();
        const found = await firstQuery(page, server.origin, pagePath, q, viaSearchPage);
        ms.push(performance.now() - t0);
        if (i === 0) results = found;
        // Trailing transfers (fragments of the results shown) land before the count is read.
        byQuery[q] = kb(await settledBytes());
      } finally {
        await context.close();
      }
    }
    const sizes = Object.values(byQuery);
    return {
      kb: { median: percentile(sizes, 50)!, max: Math.max(...sizes), byQuery } satisfies DownloadKb,
      ms: percentile(ms, 50)!,
      results,
    };
  } finally {
    await server.close();
  }
}

/** How often each latency query runs (issue: at least 5, so a p95 rests on more than one slow query). */
export const LATENCY_RUNS = 5;

export async function measureSearch(siteDir: string, pagePath: string, queries: readonly string[] = QUERIES): Promise<SearchMetrics> {
  const viaSearchPage = /\/search\/?$/.test(pagePath);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const plain = await firstQueryDownloads(browser, siteDir, false, pagePath, viaSearchPage);
    const gzipped = await firstQueryDownloads(browser, siteDir, true, pagePath, viaSearchPage);

    // Latency: one page, Pagefind loaded once, then a run of queries (search + data of the first 10).
    // Requests are watched, not intercepted: routing sends each one through this process and back
    // (measured at 10,000 tasks: p50 135-161 ms routed, 97-119 ms watched), a cost no reader has.
    const server = await startStaticServer(siteDir);
    const context = await browser.newContext();
    const elsewhere = new Set<string>();
    context.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) elsewhere.add(request.url());
    });
    const page = await context.newPage();
    try {
      await page.goto(server.origin + pagePath, { waitUntil: 'networkidle' });
      await page.evaluate(`(async () => {
        // The page's own Pagefind (shards merged) when it is the search page: the same module URL.
        window.__bench_pf = await import('/pagefind/pagefind.js');
        await window.__bench_pf.search(${JSON.stringify(queries[0])});
      })()`);
      const times: number[] = [];
      // Each query LATENCY_RUNS times, so that the p95 is not just the second-slowest single query.
      for (let run = 0; run < LATENCY_RUNS; run++) for (const q of queries.slice(1)) {
        const ms = await page.evaluate(async (query) => {
          const pf = (window as unknown as { __bench_pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> } })
            .__bench_pf;
          const t0 = performance.now();
          const r = await pf.search(query);
          await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          return performance.now() - t0;
        }, q);
        times.push(ms);
      }
      if (elsewhere.size > 0) throw new Error(`search latency run: requests to other hosts: ${[...elsewhere].join(', ')}`);
      const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      return {
        page: pagePath,
        firstQueryVia: viaSearchPage ? 'search page' : 'api',
        firstQueryKb: plain.kb,
        firstQueryGzipKb: gzipped.kb,
        firstQueryMs: Math.round(plain.ms),
        queries: times.length,
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        firstQueryResults: plain.results,
      };
    } finally {
      await context.close();
      await server.close();
    }
  } finally {
    await browser.close();
  }
}
