// The card cache (cache.ts): keys cover exactly what a card shows, so one new status report re-renders one
// card; the folder it lives in; pruning.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portal } from '../../../src/portal/types.ts';
import { readSettings } from '../../../src/config.ts';
import { cardKey, planCards, pruneCache, resolveCacheDir } from '../../../src/outputs/cards/cache.ts';
import { cardsForPortal, type CardSpec } from '../../../src/outputs/cards/card-model.ts';
import { makePortal, portalWith, site, TASK } from './helpers.ts';

describe('cache', () => {
  const versions = { template: 'tpl-1', font: 'font-1' };
  const keysOf = (specs: CardSpec[], v = versions) => new Set(specs.map((s) => cardKey(s, v)));

  it('a changed status re-renders exactly the card that shows it: its task’s', () => {
    const before = cardsForPortal(makePortal(), site);
    const cached = keysOf(before);
    const after = cardsForPortal(makePortal({ 'ali-2024-shengtai/t2': { status: '已完成' } }), site);
    const plan = planCards(after, versions, (k) => cached.has(k));
    const rendered = plan.render.flatMap((e) => e.specs.map((s) => s.pagePath)).sort();
    // Not its document, lead department, regions or the home page: their cards show no status.
    expect(rendered).toEqual(['/tasks/ali-2024-shengtai/t2/']);
    expect(plan.reuse.flatMap((e) => e.specs).length).toBe(after.length - 1);
  });

  it('unchanged specs are all reused; a template or font version change invalidates all', () => {
    const specs = cardsForPortal(makePortal(), site);
    const cached = keysOf(specs);
    expect(planCards(specs, versions, (k) => cached.has(k)).render).toHaveLength(0);
    expect(planCards(specs, { ...versions, template: 'tpl-2' }, (k) => cached.has(k)).reuse).toHaveLength(0);
    expect(planCards(specs, { ...versions, font: 'font-2' }, (k) => cached.has(k)).reuse).toHaveLength(0);
  });

  it('keys ignore where a card is written and key order, but not what it shows', () => {
    const [home] = cardsForPortal(makePortal(), site);
    const reordered = Object.fromEntries(Object.entries(home).reverse()) as unknown as CardSpec;
    expect(cardKey(reordered, versions)).toBe(cardKey(home, versions));
    expect(cardKey({ ...home, path: '/cards/other.png', pagePath: '/other/' }, versions)).toBe(cardKey(home, versions));
    expect(cardKey({ ...home, demo: !home.demo }, versions)).not.toBe(cardKey(home, versions));
    expect(cardKey({ ...home, host: 'other.example' }, versions)).not.toBe(cardKey(home, versions));
  });

  it('QINGDAN_CACHE_DIR wins over the configured folder, which wins over the default', () => {
    expect(resolveCacheDir('/r', undefined, readSettings({}))).toBe('/r/.cache/qingdan/cards');
    expect(resolveCacheDir('/r', 'c', readSettings({}))).toBe('/r/c');
    expect(resolveCacheDir('/r', 'c', readSettings({ QINGDAN_CACHE_DIR: '/tmp/x' }))).toBe('/tmp/x/cards');
  });
});

describe('one status report', () => {
  const versions = { template: 'tpl-1', font: 'font-1' };
  const keys = (portal: Portal) => new Map(cardsForPortal(portal, site).map((s) => [s.pagePath, cardKey(s, versions)]));

  it.each([
    ['a new status', { '2020': { status: '达到序时进度' } }, { '2020': { status: '已完成' } }],
    [
      'the same status reported late (now 已逾期)',
      { '2020': { status: '达到序时进度' } },
      { '2020': { status: '达到序时进度', late: true } },
    ],
    ['a first report for the period', {}, { '2020': { status: '超过序时进度' } }],
  ] as const)('%s changes exactly one card key: the task’s', (_name, before, after) => {
    const p1 = portalWith(before);
    const p2 = portalWith(after);
    const s1 = p1.taskById.get(TASK)!.current!;
    const s2 = p2.taskById.get(TASK)!.current!;
    // The input really changed what the task page shows.
    expect([s1.status, s1.overdue]).not.toEqual([s2.status, s2.overdue]);
    const k1 = keys(p1);
    const k2 = keys(p2);
    expect([...k2.keys()].sort()).toEqual([...k1.keys()].sort());
    const changed = [...k2].filter(([path, key]) => k1.get(path) !== key).map(([path]) => path);
    expect(changed).toEqual([p2.taskById.get(TASK)!.url]);
  });
});

describe('build (worker threads, on disk)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'qingdan-cards-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prune removes what no page uses, including stray temp files', () => {
    const dir = join(tmp, 'prune');
    const keep = 'ab'.padEnd(32, '0');
    const drop = 'ab'.padEnd(32, '1');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'ab'), { recursive: true });
    for (const f of [`${keep}.png`, `${keep}.png.sha256`, `${drop}.png`, `${drop}.png.sha256`, `${keep}.png.1-2.tmp`])
      writeFileSync(join(dir, 'ab', f), 'x');
    expect(pruneCache(dir, new Set([keep]))).toBe(2); // the dropped entry (its hash file with it) and the temp file
    expect(readdirSync(join(dir, 'ab')).sort()).toEqual([`${keep}.png`, `${keep}.png.sha256`]);
  });
});
