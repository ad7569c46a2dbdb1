// Assembling slices: refused, with every problem named, unless the slices are of one content version and
// one split, each there once, every work item made exactly once, shared files the same bytes and every
// file as its slice built it; otherwise the site is published whole.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssembleRefused, assembleSlices, checkSlices, readSlices } from '../../src/build/assemble';
import { listFiles } from '../../src/build/site-files';
import { itemKey, sliceOf, WorkSlice, writeSliceManifest } from '../../src/build/shard';

const CARDS = ['/cards/a.png', '/cards/b.png', '/cards/c.png', '/cards/d.png', '/cards/e.png', '/cards/f.png'];
const PDFS = ['/reports/x.pdf', '/reports/y.pdf'];

/** A slice folder as `npm run build -- --shard index/count` writes it: the pages, its own cards and PDFs, its manifest. */
function sliceFolder(index: number, count: number, options: { version?: string; page?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `qingdan-slice-${index}-of-${count}-`));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write('index.html', options.page ?? 'home');
  write('tasks/a/index.html', 'task a');
  write('.qingdan-site', 'marker');
  const slice = new WorkSlice({ index, count });
  for (const card of slice.take('card', CARDS, (c) => c)) write(card.slice(1), `png ${card}`);
  for (const pdf of slice.take('pdf', PDFS, (p) => p)) write(pdf.slice(1), `pdf ${pdf}`);
  writeSliceManifest(dir, {
    version: options.version ?? 'v1',
    buildDate: '2025-01-15',
    shard: { index, count },
    items: slice.items,
    made: slice.made,
  });
  return dir;
}

const slices = (count: number) => Array.from({ length: count }, (_, i) => sliceFolder(i + 1, count));
const problems = (dirs: string[]) => checkSlices(readSlices(dirs));

function refused(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AssembleRefused);
    return [...(e as AssembleRefused).problems];
  }
  throw new Error('not refused');
}

describe('checkSlices', () => {
  it('accepts all slices of one build', () => {
    expect(problems(slices(3))).toEqual([]);
    expect(problems(slices(1))).toEqual([]);
  });

  it('refuses a missing slice, naming the slice and the work items it would have made', () => {
    const [a, , c] = slices(3);
    const p = problems([a!, c!]);
    const its = [...CARDS.map((x) => itemKey('card', x)), ...PDFS.map((x) => itemKey('pdf', x))].filter((key) => {
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      return sliceOf(kind as 'card', id, 3) === 2;
    });
    expect(its.length).toBeGreaterThan(0);
    expect(p).toEqual([
      `slice 2/3 is missing (no folder given for it): its ${its.length} work item(s) are not made: ${its.sort().join(', ')}`,
    ]);
  });

  it('refuses a slice given twice, and work items made twice', () => {
    const [a, b] = slices(2);
    const again = sliceFolder(1, 2);
    const p = problems([a!, b!, again]);
    expect(p[0]).toBe(`slice 1/2 is given 2 times: ${a}, ${again}`);
    expect(p[1]).toMatch(/^\d+ work item\(s\) made by more than one slice: .*\(slices 1\/2, 1\/2\)/);
  });

  it('refuses slices of different content versions or splits', () => {
    const [a] = slices(2);
    const other = sliceFolder(2, 2, { version: 'v2' });
    expect(problems([a!, other])[0]).toMatch(/different content versions .*: v1 of 2025-01-15; .*: v2 of 2025-01-15/);
    expect(problems([a!, sliceFolder(2, 3)])[0]).toMatch(/split the build differently/);
  });

  it('refuses slices whose shared files differ', () => {
    const [a] = slices(2);
    const b = sliceFolder(2, 2, { page: 'another home' });
    expect(problems([a!, b])).toEqual([expect.stringMatching(/^1 file\(s\) differ between slices: index\.html/)]);
  });

  it('refuses a folder that is not a slice', () => {
    const plain = mkdtempSync(join(tmpdir(), 'qingdan-plain-'));
    expect(refused(() => readSlices([plain]))[0]).toMatch(/qingdan-slice\.json is missing/);
    expect(checkSlices([])).toEqual(['no slice folders given']);
  });
});

describe('assembleSlices', () => {
  const publish = () => join(mkdtempSync(join(tmpdir(), 'qingdan-assembled-')), 'dist');
  const work = () => join(mkdtempSync(join(tmpdir(), 'qingdan-assemble-work-')), 'w');

  it('publishes the union of the slices, without the manifests', () => {
    const out = publish();
    const r = assembleSlices(slices(3), work(), out);
    expect(listFiles(out).sort()).toEqual(
      [...CARDS, ...PDFS]
        .map((f) => f.slice(1))
        .concat('index.html', 'tasks/a/index.html')
        .sort(),
    );
    expect(readFileSync(join(out, 'cards/c.png'), 'utf8')).toBe('png /cards/c.png');
    expect(r).toMatchObject({ slices: 3, items: CARDS.length + PDFS.length, files: CARDS.length + PDFS.length + 2, swapped: true });
  });

  it('refuses a missing slice and leaves the published site as it was', () => {
    const out = publish();
    const [a, b] = slices(2);
    assembleSlices([a!, b!], work(), out);
    const before = listFiles(out).sort();
    const p = refused(() => assembleSlices([a!], work(), out));
    expect(p[0]).toMatch(/^slice 2\/2 is missing/);
    expect(listFiles(out).sort()).toEqual(before);
  });

  it('refuses a slice whose files changed, went or came since it was built', () => {
    const [a, b] = slices(2);
    writeFileSync(join(a!, 'tasks/a/index.html'), 'tampered');
    writeFileSync(join(b!, 'extra.html'), 'extra');
    const p = refused(() => assembleSlices([a!, b!], work(), publish()));
    expect(p).toEqual([
      `${a}: 1 file(s) changed since the slice was built: tasks/a/index.html`,
      `${b}: 1 file(s) not in its manifest: extra.html`,
    ]);
  });
});
