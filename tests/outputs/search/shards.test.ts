import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEADLINES_FILE,
  deadlineFile,
  deadlineIndex,
  sortByDeadline,
  sortDate,
  type DeadlineFile,
} from '../../../src/outputs/search/deadline-order';
import { orderedSource, type PagefindResult, type PagefindResultData } from '../../../src/outputs/search/result-order';
import { searchRecords, type SearchRecord } from '../../../src/outputs/search/records';
import { readSettings } from '../../../src/config';
import {
  partitionRecords,
  shardFolder,
  shardGroup,
  shardIndexingMb,
  shardKey,
  shardRecordLimit,
  shardRecordsFor,
  SHARD_MEMORY_SHARE,
} from '../../../src/outputs/search/shards';
import { SHARDS_MANIFEST } from '../../../src/outputs/search/shards-manifest';
import { fragmentUrl, planSearch, searchStage } from '../../../src/outputs/search/stage';
import { listFiles } from '../../../src/build/site-files';
import type { StageContext } from '../../../src/build/stage';
import { makePortal } from '../../fixtures/portal-data';
import type { SpecDocument } from '../../fixtures/portal';

/** Six documents of five tasks; `changed` flips the 2020 status of one task of the fourth. */
function portalOf(changed = false) {
  const specs: SpecDocument[] = Array.from({ length: 6 }, (_, d) => ({
    slug: `plan-${d}`,
    title: `第${d}号生态环境保护工作方案`,
    regionCode: d % 2 ? '542521' : '542500',
    tasks: Array.from({ length: 5 }, (_, t) => ({
      localId: `t${t}`,
      text: `推进第${d}-${t}项草原生态保护。(地区农牧局)`,
      units: [{ name: '地区农牧局', role: 'lead' as const }],
      deadline: t === 4 ? null : { text: `${2019 + t}年底前`, date: `${2019 + t}-12-31` },
      reports: { '2020': { status: changed && d === 3 && t === 2 ? ('已完成' as const) : ('达到序时进度' as const) } },
    })),
  }));
  return makePortal(specs);
}

describe('partitionRecords', () => {
  const records = searchRecords(portalOf());

  it('makes as many shards as the limit asks for, and loses or repeats no record', () => {
    const shards = partitionRecords(records, 8);
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.length).toBeLessThanOrEqual(Math.ceil(records.length / 8));
    expect(
      shards
        .flat()
        .map((r) => r.url)
        .sort(),
    ).toEqual(records.map((r) => r.url).sort());
    expect(partitionRecords(records, records.length)).toEqual([records]);
  });

  it("keeps a document's page and its tasks in one shard", () => {
    const shards = partitionRecords(records, 8);
    const shardOf = new Map<string, number>();
    shards.forEach((s, i) =>
      s.forEach((r) => {
        const g = shardGroup(r);
        expect(shardOf.get(g) ?? i, g).toBe(i);
        shardOf.set(g, i);
      }),
    );
    expect([...shardOf.keys()].filter((g) => g.includes('生态环境保护工作方案'))).toHaveLength(6);
  });

  it('changes the key of one shard when one status report changes', () => {
    const before = partitionRecords(records, 8).map((s) => shardKey(s, '1.6.0'));
    const after = partitionRecords(searchRecords(portalOf(true)), 8).map((s) => shardKey(s, '1.6.0'));
    expect(after).toHaveLength(before.length);
    expect(after.filter((k, i) => k !== before[i])).toHaveLength(1);
    expect(partitionRecords(records, 8).map((s) => shardKey(s, '1.7.0'))).not.toContain(before[0]); // a new Pagefind writes anew
  });

  it('sizes shards by the memory bound: as large as one Pagefind process may index within its share', () => {
    // 2 GB, the default bound: 6,000 records, so 10,000 tasks (11,943 records) make 2 shards.
    expect(shardRecordsFor(1907)).toBe(6000);
    expect(shardRecordsFor(3814)).toBe(12500); // 4 GB: 50,000 tasks in 5 shards, not 10
    for (const mb of [1024, 1907, 3000, 3814, 8192]) {
      const records = shardRecordsFor(mb);
      expect(records % 500, `${mb} MB`).toBe(0);
      expect(shardIndexingMb(records), `${mb} MB`).toBeLessThanOrEqual(mb * SHARD_MEMORY_SHARE);
      expect(shardIndexingMb(records + 500), `${mb} MB`).toBeGreaterThan(mb * SHARD_MEMORY_SHARE);
    }
    expect(shardRecordsFor(300)).toBe(500); // a tiny bound still indexes, a few hundred records at a time
    expect(shardRecordLimit(readSettings({ QINGDAN_MEMORY_MB: '3814' }))).toBe(12500);
    expect(shardRecordLimit(readSettings({ QINGDAN_MEMORY_MB: '3814', QINGDAN_SEARCH_SHARD_RECORDS: '250' }))).toBe(250);
  });

  it('reads the shard size from QINGDAN_SEARCH_SHARD_RECORDS', () => {
    expect(shardRecordLimit(readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: '250' }))).toBe(250);
    expect(() => readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: '0' })).toThrow(/QINGDAN_SEARCH_SHARD_RECORDS.*whole number.*"0"/);
    expect(() => readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: 'many' })).toThrow(/"many"/);
    expect(shardFolder(0)).toBe('');
    expect(shardFolder(2)).toBe('s2/');
  });
});

describe('deadline order', () => {
  const result = (id: string) => ({ id, data: async (): Promise<PagefindResultData> => ({ url: id, excerpt: '', meta: {} }) });

  it('sorts by the date of a dated deadline only', () => {
    expect(sortDate({ deadline: '2018-06-30' })).toBe('2018-06-30');
    expect(sortDate({ deadline: '2018年6月30日前' })).toBeNull();
    expect(sortDate({ deadline: '长期' })).toBeNull();
    expect(sortDate({})).toBeNull();
  });

  it('files ids by language prefix and date, leaves undated pages out, and reads back every id', () => {
    const pages = [
      { id: 'zh-cn_a3a67ed', date: '2019-12-31' },
      { id: 'zh-cn_71af87b', date: '2018-06-30' },
      { id: 'zh-cn_121fb52a', date: '2019-12-31' }, // Pagefind lengthens an id whose short hash collides
      { id: 'zh-cn_7396fc2', date: null },
      { id: 'en_d6a6a45', date: '2020-01-01' },
    ];
    const file = deadlineFile(pages);
    expect(file).toEqual({ 'zh-cn_': { '2019-12-31': 'a3a67ed 121fb52a', '2018-06-30': '71af87b' }, en_: { '2020-01-01': 'd6a6a45' } });
    const index = deadlineIndex([file, deadlineFile([{ id: 'zh-cn_f17da1a', date: '2021-01-01' }])]);
    expect(Object.fromEntries(index)).toEqual({
      'zh-cn_a3a67ed': '2019-12-31',
      'zh-cn_121fb52a': '2019-12-31',
      'zh-cn_71af87b': '2018-06-30',
      en_d6a6a45: '2020-01-01',
      'zh-cn_f17da1a': '2021-01-01',
    });
  });

  it('orders results by deadline, undated last, equal deadlines in relevance order', async () => {
    const index = new Map([
      ['a', '2021-12-31'],
      ['b', '2019-06-30'],
      ['c', '2021-12-31'],
      ['d', '2018-01-01'],
    ]);
    const results = ['x', 'a', 'b', 'y', 'c', 'd'].map(result);
    expect(sortByDeadline(results, index).map((r) => r.id)).toEqual(['d', 'b', 'a', 'c', 'x', 'y']);
    expect(results.map((r) => r.id)).toEqual(['x', 'a', 'b', 'y', 'c', 'd']); // the input is left as it was
    const shown = orderedSource(sortByDeadline(results, index) as PagefindResult[]);
    expect(shown.count).toBe(6);
    expect((await shown.next(4)).map((d) => d.url)).toEqual(['d', 'b', 'a', 'c']);
    expect((await shown.next(4)).map((d) => d.url)).toEqual(['x', 'y']);
  });
});

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
    expect(readdirSync(join(cacheDir, 'search'))).toHaveLength(count); // the old shard is gone
  }, 120_000);

  it('says what indexing will hold, only for the shards the cache lacks', async () => {
    const { ctx, env } = setUp();
    const first = planSearch(portalOf(), ctx, env);
    const largest = Math.max(...partitionRecords(searchRecords(portalOf()), 8).map((s) => s.length));
    expect(first.indexingMb).toBe(shardIndexingMb(largest));
    await first.run();
    expect(planSearch(portalOf(), ctx, env).indexingMb).toBe(0); // all cached
    expect(planSearch(portalOf(true), ctx, env).indexingMb).toBeGreaterThan(0); // one shard changed
    expect(shardIndexingMb(6215)).toBeGreaterThan(806); // the peaks measured for shards of 6,215 and 11,943 records
    expect(shardIndexingMb(11943)).toBeGreaterThan(1756);
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
});
