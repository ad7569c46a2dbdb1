// Building the cards (build.ts): worker threads write real PNGs, cold, warm and after one change; progress
// lines and the number of workers.
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCards, progressLine, workerCount } from '../../../src/outputs/cards/build.ts';
import { cardsForPortal } from '../../../src/outputs/cards/card-model.ts';
import { cachePath, cardKey } from '../../../src/outputs/cards/cache.ts';
import { templateVersion } from '../../../src/outputs/cards/render.ts';
import { fontVersion } from '../../../src/build/fonts.ts';
import { isPng, makePortal, site } from './helpers.ts';

describe('build (worker threads, on disk)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'qingdan-cards-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('renders everything cold, reuses everything warm, and re-renders only what changed', async () => {
    const out1 = join(tmp, 'dist1');
    const out2 = join(tmp, 'dist2');
    const out3 = join(tmp, 'dist3');
    const cacheDir = join(tmp, 'cache');
    const quiet = { log: () => {}, warn: () => {} };
    const specs = cardsForPortal(makePortal(), site);

    const cold = await buildCards({ specs, outDir: out1, cacheDir, workers: 2, ...quiet });
    expect(cold).toMatchObject({ total: specs.length, rendered: specs.length, reused: 0 });
    for (const s of specs) expect(isPng(readFileSync(join(out1, s.path)))).toEqual({ width: 1200, height: 630 });
    expect(JSON.parse(readFileSync(join(cacheDir, 'last-run.json'), 'utf8'))).toMatchObject({ rendered: specs.length, reused: 0 });

    const warm = await buildCards({ specs, outDir: out2, cacheDir, workers: 2, ...quiet });
    expect(warm).toMatchObject({ rendered: 0, reused: specs.length, pruned: 0 });
    for (const s of specs) expect(readFileSync(join(out2, s.path)).equals(readFileSync(join(out1, s.path)))).toBe(true);

    const changed = cardsForPortal(makePortal({ 'pulan-2024-caoyuan/t1': { status: '超过序时进度' } }), site);
    const third = await buildCards({ specs: changed, outDir: out3, cacheDir, workers: 1, ...quiet });
    // The task's card only: document, department, regions and home show no status.
    expect(third).toMatchObject({ rendered: 1, reused: specs.length - 1, pruned: 1 });
    const card = join(out3, '/cards/tasks/pulan-2024-caoyuan/t1.png');
    expect(readFileSync(card).equals(readFileSync(join(out1, '/cards/tasks/pulan-2024-caoyuan/t1.png')))).toBe(false);
    expect(statSync(card).size).toBeGreaterThan(5000);

    // A damaged cache entry is never placed: it is reported and rendered again.
    const cached = cachePath(cacheDir, cardKey(changed[0], { template: templateVersion(), font: fontVersion() }));
    truncateSync(cached, 100);
    const warned: string[] = [];
    const fourth = await buildCards({
      specs: changed,
      outDir: join(tmp, 'dist4'),
      cacheDir,
      workers: 1,
      log: () => {},
      warn: (l) => warned.push(l),
    });
    expect(fourth).toMatchObject({ rendered: 1, reused: specs.length - 1 });
    expect(warned).toEqual([expect.stringMatching(/^cards: 1 cached card\(s\) damaged .*rendered again/)]);
    expect(isPng(readFileSync(join(tmp, 'dist4', changed[0].path)))).toEqual({ width: 1200, height: 630 });
  }, 120_000);
});

describe('progress and workers', () => {
  it('prints counts, rate and ETA', () => {
    expect(progressLine(1200, 10000, 34.3)).toBe('cards 1200/10000 · 35/s · ETA 4 min');
    expect(progressLine(3, 10, 2)).toBe('cards 3/10 · 1.5/s · ETA 5 s');
  });
  it('uses the cores, but no more workers than memory or work allows', () => {
    expect(workerCount(0)).toBe(0);
    expect(workerCount(5, { workers: 8, memoryMb: 4096 })).toBe(1);
    expect(workerCount(10_000, { workers: 8, memoryMb: 4096 })).toBe(8);
    expect(workerCount(10_000, { workers: 8, memoryMb: 1000 })).toBe(2);
  });
});
