// The search page over an index in shards (src/outputs/search/shards.ts), in Chromium: the site under
// test is small enough for one shard, so this file indexes a copy of it in shards of 60 records and
// checks that the page finds, counts, filters and sorts by deadline as it does over one index.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/config';
import { getPortal } from '../../src/portal/get-portal';
import { searchRecords } from '../../src/outputs/search/records';
import { partitionRecords } from '../../src/outputs/search/shards';
import { SHARDS_MANIFEST } from '../../src/outputs/search/shards-manifest';
import { searchStage } from '../../src/outputs/search/stage';
import { distDir, openPage } from '../helpers/browser.ts';

const SHARD_RECORDS = 60;
let work: string;
let sharded: string;
/** Which shard holds each page. */
const shardOf = new Map<string, number>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qingdan-shards-'));
  sharded = join(work, 'site');
  execFileSync('cp', ['-al', distDir(), sharded]); // hard links: the stage unlinks what it replaces
  const quiet = () => ({ info: () => {}, warn: () => {} });
  const portal = await getPortal();
  partitionRecords(searchRecords(portal), SHARD_RECORDS).forEach((shard, i) => shard.forEach((r) => shardOf.set(r.url, i)));
  await searchStage(
    portal,
    { outDir: sharded, root: process.cwd(), site: null, logger: quiet },
    readSettings({ ...process.env, QINGDAN_CACHE_DIR: join(work, 'cache'), QINGDAN_SEARCH_SHARD_RECORDS: String(SHARD_RECORDS) }),
  );
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Shown {
  status: string;
  urls: string[];
  facts: string[];
}

/** The search page at `query`, with every result shown ("显示更多结果" until all are there). */
async function searchPage(query: string, root?: string): Promise<Shown> {
  const { page } = await openPage(`/search/?${query}`, { root });
  const status = page.locator('[data-status]');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/找到/);
  const total = Number(/找到 (\d+) 条结果/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
  const items = page.locator('[data-results] > li');
  const more = page.locator('[data-more]');
  // The status comes before the first results; each page of results before the button shows again.
  for (let shown = 0; shown < total;) {
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(shown);
    shown = await items.count();
    if (shown < total) await more.click();
  }
  expect(await items.count()).toBe(total);
  return {
    status: (await status.textContent()) ?? '',
    urls: await items.locator('h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    facts: await items.evaluateAll((lis) => lis.map((li) => li.querySelector('.result-facts')?.textContent ?? '')),
  };
}

const dueOf = (facts: string) => /时限：(\d{4}-\d{2}-\d{2})/.exec(facts)?.[1] ?? '9999-12-31';

describe('search over an index in shards', () => {
  it('has shards to merge', () => {
    const { shards } = JSON.parse(readFileSync(join(sharded, 'pagefind', SHARDS_MANIFEST), 'utf8')) as { shards: string[] };
    expect(shards.length).toBeGreaterThanOrEqual(3);
    const single = JSON.parse(readFileSync(join(distDir(), 'pagefind', SHARDS_MANIFEST), 'utf8')) as { shards: string[] };
    expect(single.shards).toEqual([]);
  });

  // Not always the same set: Pagefind matches a query piece as a prefix only within the index chunk
  // where the piece itself sorts (see terms.ts), and shards are chunked apart, so a shard can find a
  // page the single index misses (measured here: 生态环境局 86 against 63). It must never miss one.
  for (const q of ['垃圾', '生态环境局', '湟水河']) {
    it(`finds every page for ${q} that one index finds, from several shards`, async () => {
      const one = await searchPage(`q=${encodeURIComponent(q)}`);
      const many = await searchPage(`q=${encodeURIComponent(q)}`, sharded);
      expect(one.urls.length).toBeGreaterThan(0);
      expect(one.urls.filter((u) => !many.urls.includes(u))).toEqual([]);
      expect(new Set(many.urls.map((u) => shardOf.get(u))).size).toBeGreaterThan(1);
    });
  }

  it('sorts by deadline across shards, as one index does', async () => {
    const query = `q=${encodeURIComponent('生态')}&sort=deadline`;
    const one = await searchPage(query);
    const many = await searchPage(query, sharded);
    const dues = many.facts.map(dueOf);
    expect(dues.length).toBeGreaterThan(20);
    expect(new Set(dues).size, 'results with several deadlines').toBeGreaterThan(3);
    expect(dues).toEqual([...dues].sort());
    expect(dues).toEqual(one.facts.map(dueOf));
    expect([...many.urls].sort()).toEqual([...one.urls].sort());
    // Interleaved, not one shard after another.
    const runs = many.urls.map((u) => shardOf.get(u)).filter((s, i, all) => i === 0 || s !== all[i - 1]).length;
    expect(runs).toBeGreaterThan(new Set(many.urls.map((u) => shardOf.get(u))).size);
  });

  it('counts filter values over every shard', async () => {
    const facets = async (root?: string) => {
      const { page } = await openPage('/search/?q=' + encodeURIComponent('草原'), { root });
      await expect.poll(() => page.locator('[data-status]').textContent(), { timeout: 30_000 }).toMatch(/找到/);
      await page.locator('[data-filter-panel] > summary').click();
      await page.locator('[data-filters] label').first().waitFor({ state: 'attached', timeout: 30_000 }); // long groups start folded
      return page.locator('[data-filters] label').allTextContents();
    };
    const one = await facets();
    expect(one.length).toBeGreaterThan(5);
    expect((await facets(sharded)).sort()).toEqual([...one].sort());
  });

  it('narrows by a filter across shards', async () => {
    const query = `q=${encodeURIComponent('生态')}&f.${encodeURIComponent('状态')}=${encodeURIComponent('未报告')}`;
    const one = await searchPage(query);
    const many = await searchPage(query, sharded);
    expect(one.urls.length).toBeGreaterThan(0);
    expect([...many.urls].sort()).toEqual([...one.urls].sort());
  });
});
