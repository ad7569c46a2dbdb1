// The page cache's state during one build (context.ts): the previous record read back (or ignored when
// damaged or of another version), and getStaticPaths() entries given the planned keys only while a build
// has the page cache on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pageCache, readRecord, startPageCache, withCacheKeys } from '../../../src/build/page-cache/context';
import { nextRecord, planKeys, RECORD_VERSION } from '../../../src/build/page-cache/plan';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The context lives on globalThis, as in a build: each test leaves none behind.
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('qingdan.page-cache')];
});

const inputs = { sources: 'S', state: { 'task:a/t1': 'h1' } };

describe('readRecord', () => {
  it('reads the record of the previous build', () => {
    const plan = planKeys(null, inputs);
    const record = nextRecord(
      null,
      inputs,
      new Map([['/tasks/a/t1/', plan.keyFor('/tasks/a/t1/')]]),
      new Map([['/tasks/a/t1', new Set(['task:a/t1'])]]),
    );
    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(record));
    expect(readRecord(file)).toEqual(record);
  });

  it('takes a missing, damaged or outdated record as none: the build renders every page', () => {
    expect(readRecord(join(dir, 'missing.json'))).toBeNull();
    writeFileSync(join(dir, 'torn.json'), '{"version": 1, "pages": {');
    expect(readRecord(join(dir, 'torn.json'))).toBeNull();
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ version: RECORD_VERSION + 1, sources: 'S', keys: [], hashes: [], pages: {} }));
    expect(readRecord(join(dir, 'old.json'))).toBeNull();
  });
});

describe('withCacheKeys', () => {
  const entries = [{ params: { slug: 'a' } }, { params: { slug: 'b' } }];
  const pathOf = (e: (typeof entries)[number]) => `/documents/${e.params.slug}/`;

  it('leaves the entries as they are without a page cache (dev server, tests, cache off)', async () => {
    expect(pageCache()).toBeUndefined();
    expect(await withCacheKeys(entries, pathOf)).toBe(entries);
  });

  it('gives each entry the key planned for its page, and remembers the keys handed to Astro', async () => {
    const ctx = startPageCache(join(dir, 'record.json'));
    expect(pageCache()).toBe(ctx);
    const plan = planKeys(null, inputs);
    ctx.planned = Promise.resolve({ plan, inputs, previous: null });
    const keyed = await withCacheKeys(entries, pathOf);
    expect(keyed).toEqual([
      { params: { slug: 'a' }, cacheKey: plan.keyFor('/documents/a/') },
      { params: { slug: 'b' }, cacheKey: plan.keyFor('/documents/b/') },
    ]);
    expect(keyed[0].cacheKey).not.toBe(keyed[1].cacheKey);
    expect([...ctx.keys]).toEqual([
      ['/documents/a/', plan.keyFor('/documents/a/')],
      ['/documents/b/', plan.keyFor('/documents/b/')],
    ]);
    expect(entries[0]).not.toHaveProperty('cacheKey'); // the entries themselves are not changed
  });
});
