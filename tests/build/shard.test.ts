// Slicing a build across machines: every work item in exactly one slice, decided by the item alone
// (not its order, the machine or the other items), and a slice's manifest that says what it holds.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, readSettings } from '../../src/config';
import {
  contentVersion,
  itemKey,
  readSliceManifest,
  SLICE_MANIFEST,
  sliceOf,
  WorkSlice,
  writeSliceManifest,
  type WorkKind,
} from '../../src/build/shard';

const cards = Array.from({ length: 500 }, (_, i) => `/cards/tasks/doc-${i % 7}/t${i}.png`);
const pdfs = Array.from({ length: 60 }, (_, i) => `/reports/documents/doc-${i}/2024.pdf`);
const shards = ['0', '1', '2', '3'];

function split(count: number, order: (xs: string[]) => string[] = (xs) => xs) {
  return Array.from({ length: count }, (_, i) => {
    const slice = new WorkSlice({ index: i + 1, count });
    slice.take('card', order(cards), (c) => c);
    slice.take('pdf', order(pdfs), (p) => p);
    slice.take('search', order(shards), (n) => n);
    return slice;
  });
}

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
  it('refuses what is not a slice, naming the option', () => {
    for (const bad of ['0/3', '4/3', '3', '1/0', 'a/b', '1/2/3', ''])
      expect(() => parseShard(bad, '--shard')).toThrow(/--shard: expected I\/N/);
  });
});

describe('sliceOf and WorkSlice', () => {
  it.each([1, 2, 3, 4, 7])('puts every work item in exactly one of %i slices', (count) => {
    const slices = split(count);
    const all = [
      ...cards.map((c) => itemKey('card', c)),
      ...pdfs.map((p) => itemKey('pdf', p)),
      ...shards.map((n) => itemKey('search', n)),
    ].sort();
    for (const s of slices) expect(s.items).toEqual(all);
    const made = slices.flatMap((s) => s.made);
    expect(made.sort()).toEqual(all);
    expect(new Set(made).size).toBe(made.length);
  });

  it('does not depend on the order the items come in', () => {
    const reversed = split(3, (xs) => [...xs].reverse());
    const shuffled = split(3, (xs) => [...xs].sort(() => 0.5 - ((xs.length * 7919) % 13) / 13));
    const plain = split(3);
    for (let i = 0; i < 3; i++) {
      expect(reversed[i]!.made).toEqual(plain[i]!.made);
      expect(shuffled[i]!.made).toEqual(plain[i]!.made);
    }
  });

  it('keeps an item in its slice when other items come and go', () => {
    const before = new Map(cards.map((c) => [c, sliceOf('card', c, 4)]));
    const fewer = new WorkSlice({ index: 2, count: 4 });
    const kept = fewer.take(
      'card',
      cards.filter((_, i) => i % 3 !== 0),
      (c) => c,
    );
    for (const c of kept) expect(before.get(c)).toBe(2);
  });

  it('is a fixed function of the item: the same slices on every machine', () => {
    // Pinned: a change here splits builds of different versions differently (assemble refuses them anyway).
    expect(['a', 'b', 'c', 'd'].map((id) => sliceOf('card', `/cards/${id}.png`, 4))).toEqual([1, 2, 1, 3]);
  });

  it('spreads the search shards over the slices by number, and the rest evenly enough', () => {
    expect(shards.map((n) => sliceOf('search', n, 2))).toEqual([1, 2, 1, 2]);
    expect(shards.map((n) => sliceOf('search', n, 4))).toEqual([1, 2, 3, 4]);
    const sizes = split(4).map((s) => s.made.filter((k) => k.startsWith('card:')).length);
    for (const n of sizes) expect(n).toBeGreaterThan(500 / 4 - 40);
  });

  it('makes everything in a whole build', () => {
    const whole = new WorkSlice(null);
    expect(whole.take('pdf', pdfs, (p) => p)).toEqual(pdfs);
    expect(whole.made).toEqual(whole.items);
  });

  it('refuses a search shard that is not a number', () => {
    expect(() => sliceOf('search' as WorkKind, 'x', 2)).toThrow(/number/);
  });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-shard-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('slice manifests', () => {
  it('lists every published file with its hash, not the markers or itself', () => {
    const dir = folder({ 'index.html': 'home', 'cards/a.png': 'png', '.qingdan-site': 'marker' });
    writeSliceManifest(dir, {
      version: 'v1',
      buildDate: '2025-01-15',
      shard: { index: 1, count: 2 },
      items: ['card:/cards/a.png'],
      made: [],
    });
    writeSliceManifest(dir, {
      version: 'v1',
      buildDate: '2025-01-15',
      shard: { index: 1, count: 2 },
      items: ['card:/cards/a.png'],
      made: [],
    });
    const m = readSliceManifest(dir);
    expect(Object.keys(m.files)).toEqual(['cards/a.png', 'index.html']);
    expect(m.files['index.html']).toBe('4ea140588150773ce3aace786aeef7f4049ce100fa649c94fbbddb960f1da942');
    expect(m.shard).toEqual({ index: 1, count: 2 });
  });

  it('says so when a folder is not a slice', () => {
    expect(() => readSliceManifest(folder({ 'index.html': 'x' }))).toThrow(/qingdan-slice\.json is missing/);
    expect(() => readSliceManifest(folder({ [SLICE_MANIFEST]: '{"format":"qingdan-slice 1"}' }))).toThrow(/not a whole slice manifest/);
    expect(() => readSliceManifest(folder({ [SLICE_MANIFEST]: '{' }))).toThrow(/cannot be read/);
  });
});

describe('contentVersion', () => {
  const root = folder({ 'package.json': '{}', 'src/a.ts': 'code' });
  const content = folder({ 'documents/a.md': 'text' });
  const s = { ...readSettings({}), contentDir: content, buildDate: '2025-01-15' };

  it('is the same for the same content, code, date and settings', () => {
    expect(contentVersion(root, s, { records: 100 })).toBe(contentVersion(root, { ...s }, { records: 100 }));
  });

  it('changes with the content, the code, the build date and the settings given', () => {
    const v = contentVersion(root, s, { records: 100 });
    expect(contentVersion(root, { ...s, buildDate: '2025-01-16' }, { records: 100 })).not.toBe(v);
    expect(contentVersion(root, s, { records: 200 })).not.toBe(v);
    writeFileSync(join(content, 'documents/a.md'), 'text 2');
    const v2 = contentVersion(root, s, { records: 100 });
    expect(v2).not.toBe(v);
    writeFileSync(join(root, 'src/a.ts'), 'code 2');
    expect(contentVersion(root, s, { records: 100 })).not.toBe(v2);
  });
});
