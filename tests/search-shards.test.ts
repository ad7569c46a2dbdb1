import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergedByDeadline, orderedSource, dueOf, type PagefindResult, type PagefindResultData } from '../src/outputs/search/result-order';
import { searchRecords, type SearchRecord } from '../src/outputs/search/records';
import { partitionRecords, shardFolder, shardGroup, shardKey, shardRecordLimit, DEFAULT_SHARD_RECORDS } from '../src/outputs/search/shards';
import { SHARDS_MANIFEST } from '../src/outputs/search/shards-manifest';
import { searchStage } from '../src/outputs/search/stage';
import { listFiles } from '../src/outputs/site-files';
import type { StageContext } from '../src/outputs/stage';
import { makePortal } from './fixtures/portal-data';
import type { SpecDocument } from './fixtures/portal';

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
    expect(shards.flat().map((r) => r.url).sort()).toEqual(records.map((r) => r.url).sort());
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

  it('reads the shard size from QINGDAN_SEARCH_SHARD_RECORDS', () => {
    expect(shardRecordLimit({})).toBe(DEFAULT_SHARD_RECORDS);
    expect(shardRecordLimit({ QINGDAN_SEARCH_SHARD_RECORDS: '250' })).toBe(250);
    expect(() => shardRecordLimit({ QINGDAN_SEARCH_SHARD_RECORDS: '0' })).toThrow(/QINGDAN_SEARCH_SHARD_RECORDS.*whole number.*"0"/);
    expect(() => shardRecordLimit({ QINGDAN_SEARCH_SHARD_RECORDS: 'many' })).toThrow(/"many"/);
    expect(shardFolder(0)).toBe('');
    expect(shardFolder(2)).toBe('s2/');
  });
});

describe('results merged by deadline', () => {
  const result = (url: string, deadline?: string) => {
    const data: PagefindResultData = { url, excerpt: '', meta: deadline === undefined ? {} : { deadline } };
    const r = { id: url, loads: 0, data: async () => (r.loads++, data) };
    return r;
  };

  it('interleaves shards by deadline, undated last, reading only what it shows', async () => {
    const a = [result('a1', '2019-06-30'), result('a2', '2021-12-31'), result('a3', '长期')];
    const b = [result('b1', '2018-01-01'), result('b2', '2020-12-31'), result('b3')];
    const c: typeof a = [];
    const merged = mergedByDeadline([a, b, c]);
    expect(merged.count).toBe(6);
    const first = await merged.next(3);
    expect(first.map((d) => d.url)).toEqual(['b1', 'a1', 'b2']);
    expect([...a, ...b].reduce((n, r) => n + r.loads, 0)).toBe(4); // three shown, one head read ahead
    const rest = await merged.next(10);
    expect(rest.map((d) => d.url)).toEqual(['a2', 'a3', 'b3']); // ties keep shard order
    expect(await merged.next(10)).toEqual([]);
  });

  it('serves pages asked for at once one after the other', async () => {
    const runs = [Array.from({ length: 5 }, (_, i) => result(`x${i}`, `202${i}-01-01`)), Array.from({ length: 5 }, (_, i) => result(`y${i}`, `202${i}-06-01`))];
    const merged = mergedByDeadline(runs);
    const [p1, p2] = await Promise.all([merged.next(4), merged.next(4)]);
    expect([...p1, ...p2].map((d) => d.url)).toEqual(['x0', 'y0', 'x1', 'y1', 'x2', 'y2', 'x3', 'y3']);
  });

  it('keeps Pagefind order without shards, and sorts as records.ts does', async () => {
    const list = [result('p', '2030-01-01'), result('q', '2019-01-01')];
    expect((await orderedSource(list as PagefindResult[]).next(5)).map((d) => d.url)).toEqual(['p', 'q']);
    expect(dueOf({ url: '', excerpt: '', meta: { deadline: '2018年6月30日前' } })).toBe('9999-12-31');
    expect(dueOf({ url: '', excerpt: '', meta: { deadline: '2018-06-30' } })).toBe('2018-06-30');
  });
});

describe('searchStage', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function setUp() {
    const root = mkdtempSync(join(tmpdir(), 'qingdan-search-stage-'));
    dirs.push(root);
    const lines: string[] = [];
    const ctx: StageContext = { outDir: join(root, 'dist'), root, site: null, logger: () => ({ info: (l) => lines.push(l), warn: (l) => lines.push(l) }) };
    return { root, ctx, lines, env: { QINGDAN_CACHE_DIR: join(root, 'cache'), QINGDAN_SEARCH_SHARD_RECORDS: '8' } };
  }
  const manifestOf = (outDir: string) => JSON.parse(readFileSync(join(outDir, 'pagefind', SHARDS_MANIFEST), 'utf8')) as { shards: string[] };

  it('publishes every shard, then indexes again only the shard whose records changed', async () => {
    const { ctx, lines, env } = setUp();
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

    const before = new Map(listFiles(join(ctx.outDir, 'pagefind')).map((f) => [f, statSync(join(ctx.outDir, 'pagefind', f)).ino]));
    await searchStage(portalOf(true), ctx, env);
    expect(lines.at(-1)).toMatch(new RegExp(`in ${count} shards \\(1 indexed, ${count - 1} from cache\\)`));
    const after = listFiles(join(ctx.outDir, 'pagefind'));
    const changed = after.filter((f) => before.get(f) !== statSync(join(ctx.outDir, 'pagefind', f)).ino);
    // What changed lives in one shard's folder (its index, its metadata, the changed task's fragment).
    const folders = new Set(changed.filter((f) => f !== SHARDS_MANIFEST).map((f) => (/^s\d+\//.test(f) ? f.split('/')[0] : '')));
    expect(folders.size).toBe(1);
    expect(readdirSync(env.QINGDAN_CACHE_DIR + '/search')).toHaveLength(count); // the old shard is gone
  }, 120_000);

  it('removes shards the site no longer has', async () => {
    const { ctx, env } = setUp();
    await searchStage(portalOf(), ctx, env);
    expect(manifestOf(ctx.outDir).shards.length).toBeGreaterThan(0);
    await searchStage(portalOf(), ctx, { ...env, QINGDAN_SEARCH_SHARD_RECORDS: '1000' });
    expect(manifestOf(ctx.outDir).shards).toEqual([]);
    expect(readdirSync(join(ctx.outDir, 'pagefind')).filter((f) => /^s\d+$/.test(f))).toEqual([]);
    expect(readdirSync(env.QINGDAN_CACHE_DIR + '/search')).toHaveLength(1);
  }, 120_000);
});
