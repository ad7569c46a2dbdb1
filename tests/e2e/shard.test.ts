// A build split across machines publishes exactly what one machine builds. On a small synthetic corpus:
// a whole build (`npm run build`), then N = 2 and N = 3 slices (`npm run build -- --shard I/N`), each a
// process of its own with a cache of its own, assembled (`npm run assemble`); every file of the assembled
// sites is compared byte for byte with the whole build. Assembling refuses a slice missing or slices of
// different splits, and leaves the published site as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeCorpus } from '../../src/synth/index';
import { writeCorpus } from '../../src/synth/write';
import { readSliceManifest, SLICE_MANIFEST } from '../../src/build/shard';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, base, out);
    else out.push(relative(base, p));
  }
  return out.sort();
}

/** Files of `b` that are missing from `a`, extra, or of other bytes. */
function differences(a: string, b: string): string[] {
  const [fa, fb] = [files(a), files(b)];
  const inB = new Set(fb);
  const inA = new Set(fa);
  return [
    ...fa.filter((f) => !inB.has(f)).map((f) => `missing ${f}`),
    ...fb.filter((f) => !inA.has(f)).map((f) => `extra ${f}`),
    ...fa.filter((f) => inB.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).map((f) => `differs ${f}`),
  ];
}

describe('a build split across machines', () => {
  const work = mkdtempSync(join(tmpdir(), 'qingdan-shard-'));
  const content = join(work, 'content');
  const config = join(work, 'astro.test.config.mjs');
  const env = {
    ...process.env,
    PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    MALLOC_ARENA_MAX: '2',
    QINGDAN_CONTENT_DIR: content,
    // Every build and slice has a cache of its own below this one (slices add shard-I-of-N).
    QINGDAN_CACHE_DIR: join(work, 'cache'),
    // Several search shards, so slices index different ones.
    QINGDAN_SEARCH_SHARD_RECORDS: '8',
    QINGDAN_BUILD_DATE: '2025-01-15',
    SOURCE_DATE_EPOCH: String(Date.UTC(2025, 0, 15) / 1000),
  };

  function run(script: string, args: string[], cacheName: string) {
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, script), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      env: { ...env, QINGDAN_CACHE_DIR: join(work, cacheName) },
    });
    return { status: result.status, log: `${result.stdout}\n${result.stderr}` };
  }

  function build(args: string[], cacheName: string): string {
    const r = run('src/cli/build.ts', ['--config', relative(ROOT, config), ...args], cacheName);
    if (r.status !== 0) throw new Error(`build ${args.join(' ')} failed (exit ${r.status}):\n${r.log.slice(-4000)}`);
    return r.log;
  }

  const sliceDir = (i: number, n: number) => join(work, `slice-${i}-of-${n}`);
  const whole = join(work, 'whole');

  beforeAll(() => {
    // A small corpus: one plan, its region's departments only (the others would add ~260 pages and cards).
    const corpus = synthesizeCorpus({ tasks: 10, seed: 1 });
    writeCorpus(corpus, content);
    const regions = new Set(corpus.documents.map((d) => d.meta.region));
    for (const r of corpus.registry.regions) if (!regions.has(r.code)) rmSync(join(content, 'registry', 'departments', `${r.code}.yaml`));
    writeFileSync(
      config,
      `import config from '${join(ROOT, 'astro.config.mjs')}';\n` +
        `export default { ...config, cacheDir: ${JSON.stringify(join(work, 'astro-cache'))}, vite: { ...(config.vite ?? {}), cacheDir: ${JSON.stringify(join(work, 'astro-cache', 'vite'))} } };\n`,
    );
    build(['--out', whole], 'cache');
    for (const n of [2, 3]) {
      for (let i = 1; i <= n; i++) build(['--shard', `${i}/${n}`, '--out', sliceDir(i, n)], `cache-${n}`);
      const r = run(
        'src/cli/assemble.ts',
        [...Array.from({ length: n }, (_, i) => sliceDir(i + 1, n)), '--out', join(work, `assembled-${n}`)],
        `cache-${n}`,
      );
      if (r.status !== 0) throw new Error(`assemble of ${n} slices failed (exit ${r.status}):\n${r.log.slice(-4000)}`);
    }
    // Six builds of a 10-task site: under 3 minutes on 2 idle cores; far longer on a busy machine.
  }, 20 * 60_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([2, 3])('assembles %i slices into the very site one build publishes, byte for byte', (n) => {
    const assembled = join(work, `assembled-${n}`);
    expect(files(whole).length).toBeGreaterThan(100);
    expect(differences(whole, assembled)).toEqual([]);
  });

  it.each([2, 3])('makes each card, PDF and search shard in exactly one of %i slices', (n) => {
    const manifests = Array.from({ length: n }, (_, i) => readSliceManifest(sliceDir(i + 1, n)));
    const made = manifests.flatMap((m) => m.made);
    expect(made.sort()).toEqual(manifests[0]!.items);
    for (const m of manifests) expect(m.made.length).toBeGreaterThan(0);
    for (const kind of ['card:', 'pdf:', 'search:']) expect(made.filter((k) => k.startsWith(kind)).length).toBeGreaterThan(1);
    // Each slice folder holds its own cards only: together, the whole build's.
    const cards = (dir: string) => files(dir).filter((f) => f.startsWith('cards/'));
    const perSlice = Array.from({ length: n }, (_, i) => cards(sliceDir(i + 1, n)));
    expect(perSlice.flat().sort()).toEqual(cards(whole));
    for (const own of perSlice) expect(own.length).toBeLessThan(cards(whole).length);
    expect(files(join(work, `assembled-${n}`))).not.toContain(SLICE_MANIFEST);
  });

  it('refuses a missing slice, naming it and what it makes, and leaves the site as it was', () => {
    const out = join(work, 'assembled-3');
    const before = files(out);
    const r = run('src/cli/assemble.ts', [sliceDir(1, 3), sliceDir(3, 3), '--out', out], 'cache-3');
    expect(r.status).toBe(1);
    expect(r.log).toMatch(
      /error: slice 2\/3 is missing \(no folder given for it\): its \d+ work item\(s\) are not made: (card|pdf|search):/,
    );
    expect(r.log).toContain(`nothing assembled; ${out} is unchanged`);
    expect(files(out)).toEqual(before);
    expect(differences(whole, out)).toEqual([]);
  });

  it('refuses slices of different splits, and a slice given twice', () => {
    const mixed = run('src/cli/assemble.ts', [sliceDir(1, 2), sliceDir(2, 3), '--out', join(work, 'mixed')], 'cache-mixed');
    expect(mixed.status).toBe(1);
    expect(mixed.log).toMatch(/the slices split the build differently/);
    const twice = run('src/cli/assemble.ts', [sliceDir(1, 2), sliceDir(1, 2), sliceDir(2, 2), '--out', join(work, 'twice')], 'cache-twice');
    expect(twice.status).toBe(1);
    expect(twice.log).toMatch(/slice 1\/2 is given 2 times/);
  });
});
