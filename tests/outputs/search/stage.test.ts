// The search stage (stage.ts): every shard indexed by Pagefind and published, only changed shards indexed
// again, shards the site no longer has removed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEADLINES_FILE, deadlineIndex, sortDate, type DeadlineFile } from '../../../src/outputs/search/deadline-order';
import { searchRecords, type SearchRecord } from '../../../src/outputs/search/records';
import { readSettings } from '../../../src/config';
import { bundleTransferMb, partitionRecords, shardIndexingMb } from '../../../src/outputs/search/shards';
import { SHARDS_MANIFEST } from '../../../src/outputs/search/shards-manifest';
import * as pagefind from 'pagefind';
import { bundlePath, fragmentUrl, planSearch, searchStage } from '../../../src/outputs/search/stage';
import { listFiles } from '../../../src/build/site-files';
import type { StageContext } from '../../../src/build/stage';
import { portalOf } from './helpers';

describe('searchStage', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function setUp() {
    const root = mkdtempSync(join(tmpdir(), 'qingdan-search-stage-'));
    dirs.push(root);
    const lines: string[] = [];
    const ctx: StageContext = {
      outDir: join(root, 'dist'),
      root,
      site: null,
      logger: () => ({ info: (l) => lines.push(l), warn: (l) => lines.push(l) }),
    };
    const cacheDir = join(root, 'cache');
    return { root, ctx, lines, cacheDir, env: readSettings({ QINGDAN_CACHE_DIR: cacheDir, QINGDAN_SEARCH_SHARD_RECORDS: '8' }) };
  }
  const manifestOf = (outDir: string) =>
    JSON.parse(readFileSync(join(outDir, 'pagefind', SHARDS_MANIFEST), 'utf8')) as { shards: string[] };

  it('publishes every shard, then indexes again only the shard whose records changed', async () => {
    const { ctx, lines, env, cacheDir } = setUp();
    const records: SearchRecord[] = searchRecords(portalOf());
    const count = partitionRecords(records, 8).length;
    await searchStage(portalOf(), ctx, env);
    expect(lines.at(-1)).toMatch(new RegExp(`${records.length} records in ${count} shards \\(${count} indexed, 0 from cache\\)`));
    const manifest = manifestOf(ctx.outDir);
    expect(manifest.shards).toEqual(Array.from({ length: count - 1 }, (_, i) => `/pagefind/s${i + 1}/`));
    for (const folder of ['', ...manifest.shards.map((s) => s.replace('/pagefind/', ''))]) {
      const entry = JSON.parse(readFileSync(join(ctx.outDir, 'pagefind', folder, 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages['zh-cn'].page_count, folder).toBeGreaterThan(0);
    }
    // Every shard's deadline file names its own pages, each with its record's deadline.
    const dated = new Map(records.filter((r) => sortDate(r.meta)).map((r) => [r.url, sortDate(r.meta)]));
    let listed = 0;
    for (const folder of ['', ...manifest.shards.map((s) => s.replace('/pagefind/', ''))]) {
      const dir = join(ctx.outDir, 'pagefind', folder);
      const index = deadlineIndex([JSON.parse(readFileSync(join(dir, DEADLINES_FILE), 'utf8')) as DeadlineFile]);
      for (const [id, date] of index)
        expect(dated.get(fragmentUrl(readFileSync(join(dir, 'fragment', `${id}.pf_fragment`)))), id).toBe(date);
      listed += index.size;
    }
    expect(dated.size).toBe(24); // four dated tasks in each of six documents
    expect(listed).toBe(dated.size);

    const before = new Map(listFiles(join(ctx.outDir, 'pagefind')).map((f) => [f, statSync(join(ctx.outDir, 'pagefind', f)).ino]));
    await searchStage(portalOf(true), ctx, env);
    expect(lines.at(-1)).toMatch(new RegExp(`in ${count} shards \\(1 indexed, ${count - 1} from cache\\)`));
    const after = listFiles(join(ctx.outDir, 'pagefind'));
    const changed = after.filter((f) => before.get(f) !== statSync(join(ctx.outDir, 'pagefind', f)).ino);
    // What changed lives in one shard's folder (its index, its metadata, the changed task's fragment).
    const folders = new Set(changed.filter((f) => f !== SHARDS_MANIFEST).map((f) => (/^s\d+\//.test(f) ? f.split('/')[0] : '')));
    expect(folders.size).toBe(1);
    // …and within it, the files Pagefind wrote again byte for byte keep their file (and time): published as links.
    const [folder] = [...folders];
    const inFolder = after.filter((f) => (folder === '' ? !/^s\d+\//.test(f) : f.startsWith(`${folder}/`)));
    const fragments = inFolder.filter((f) => f.endsWith('.pf_fragment'));
    expect(fragments.filter((f) => changed.includes(f))).toHaveLength(1); // the changed task's own
    expect(fragments.length).toBeGreaterThan(3);
    expect(changed.length).toBeLessThan(inFolder.length / 2);
    expect(readdirSync(join(cacheDir, 'search'))).toHaveLength(count); // the old shard is gone
  }, 120_000);

  it('says what indexing will hold, only for the shards the cache lacks', async () => {
    const { ctx, env } = setUp();
    const first = planSearch(portalOf(), ctx, env);
    const largest = Math.max(...partitionRecords(searchRecords(portalOf()), 8).map((s) => s.length));
    expect(first.indexingMb).toBe(shardIndexingMb(largest) + bundleTransferMb(largest));
    await first.run();
    expect(planSearch(portalOf(), ctx, env).indexingMb).toBe(0); // all cached
    expect(planSearch(portalOf(true), ctx, env).indexingMb).toBeGreaterThan(0); // one shard changed
    expect(shardIndexingMb(6215)).toBeGreaterThan(806); // the peaks measured for shards of 6,215 and 11,943 records
    expect(shardIndexingMb(11943)).toBeGreaterThan(1756);
  }, 120_000);

  it('indexes again a cached shard whose files no longer match their hashes, and says so', async () => {
    const { ctx, env, cacheDir, lines } = setUp();
    await searchStage(portalOf(), ctx, env);
    const shard = join(cacheDir, 'search', readdirSync(join(cacheDir, 'search'))[0]);
    const fragment = listFiles(shard).find((f) => f.startsWith('fragment/'))!;
    truncateSync(join(shard, fragment), 10);
    await searchStage(portalOf(), ctx, env);
    expect(lines.filter((l) => /was damaged .*indexed again/.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/\(1 indexed, \d+ from cache\)/);
    expect(statSync(join(shard, fragment)).size).toBeGreaterThan(10);
    expect(listFiles(join(ctx.outDir, 'pagefind'))).not.toContain('qingdan-shard-hashes.json');
  }, 120_000);

  it('indexes again a cached shard that lost a file, and says so', async () => {
    const { ctx, env, cacheDir, lines } = setUp();
    await searchStage(portalOf(), ctx, env);
    const shard = join(cacheDir, 'search', readdirSync(join(cacheDir, 'search'))[0]);
    const fragment = listFiles(shard).find((f) => f.startsWith('fragment/'))!;
    rmSync(join(shard, fragment));
    await searchStage(portalOf(), ctx, env);
    expect(lines.filter((l) => /was damaged .*indexed again/.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/\(1 indexed, \d+ from cache\)/);
    expect(statSync(join(shard, fragment)).size).toBeGreaterThan(0);
  }, 120_000);

  it('removes shards the site no longer has', async () => {
    const { ctx, env, cacheDir } = setUp();
    await searchStage(portalOf(), ctx, env);
    expect(manifestOf(ctx.outDir).shards.length).toBeGreaterThan(0);
    await searchStage(portalOf(), ctx, { ...env, searchShardRecords: 1000 });
    expect(manifestOf(ctx.outDir).shards).toEqual([]);
    expect(readdirSync(join(ctx.outDir, 'pagefind')).filter((f) => /^s\d+$/.test(f))).toEqual([]);
    expect(readdirSync(join(cacheDir, 'search'))).toHaveLength(1);
  }, 120_000);

  it('publishes the bundle Pagefind writes itself, byte for byte, beside the deadline file', async () => {
    const { root, ctx, env } = setUp();
    const one = { ...env, searchShardRecords: 1000 };
    await searchStage(portalOf(), ctx, one);
    const own = join(root, 'pagefind-own');
    const { index } = await pagefind.createIndex({});
    try {
      for (const record of searchRecords(portalOf())) await index!.addCustomRecord(record);
      await index!.writeFiles({ outputPath: own });
    } finally {
      await pagefind.close();
    }
    const published = join(ctx.outDir, 'pagefind');
    const expected = listFiles(own);
    expect(expected.filter((f) => f.endsWith('.pf_fragment')).length).toBeGreaterThan(10);
    expect(listFiles(published).sort()).toEqual([...expected, DEADLINES_FILE, SHARDS_MANIFEST].sort());
    for (const f of expected) expect(readFileSync(join(published, f)).equals(readFileSync(join(own, f))), f).toBe(true);
  }, 120_000);
});

describe('bundlePath', () => {
  it('keeps the paths of a bundle inside its folder', () => {
    expect(bundlePath('fragment/zh-cn_807866d.pf_fragment')).toBe('fragment/zh-cn_807866d.pf_fragment');
    expect(bundlePath('/pagefind.js')).toBe('pagefind.js');
    for (const bad of ['', '../index.html', 'fragment/../../x', '//'])
      expect(() => bundlePath(bad), bad).toThrow(/pagefind: a file of the bundle is named/);
  });
});
