// The architecture, checked on every run: layers import downward only, stages do not reach sideways,
// no import cycles, one module writes status words, one module reads the environment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALL_STATUSES } from '../src/domain/status-catalogue';
import { REPO_ROOT } from './helpers/repo';

const SRC = join(REPO_ROOT, 'src');
const CODE = /\.(ts|mts|mjs|astro|mdx)$/;

/** Layers, lowest first; a module may import its own layer's or a lower one's. */
const RANK: Record<string, number> = {
  config: 0,
  domain: 0,
  sources: 1,
  synth: 1,
  portal: 2,
  build: 3,
  outputs: 4,
  components: 5,
  layouts: 5,
  styles: 5,
  pages: 6,
  cli: 6,
};
/** Top folders of one rank that may import each other: the page-building UI. */
const UI = new Set(['components', 'layouts', 'styles']);
/** Layers made of stages side by side (sources/documents, outputs/cards …): a stage imports its own folder or the layer's root files only. */
const STAGED = new Set(['sources', 'build', 'outputs']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : CODE.test(e.name) && !e.name.endsWith('.d.mts') ? [p] : [];
  });
}

/** The script parts of a file: all of a .ts/.mjs, the frontmatter and scripts of an .astro, the imports of an .mdx. */
function scriptOf(file: string, text: string): string {
  if (file.endsWith('.astro')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    return [front, ...scripts].join('\n');
  }
  if (file.endsWith('.mdx'))
    return text
      .split('\n')
      .filter((l) => /^(import|export) /.test(l))
      .join('\n');
  return text;
}

const EXTENSIONS = ['', '.ts', '.mts', '.mjs', '.astro', '/index.ts'];
function resolveImport(from: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) if (known.has(base + ext)) return base + ext;
  return null;
}

const all = files(SRC);
const known = new Set(all);
const texts = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
const graph = new Map<string, string[]>(
  all.map((f) => {
    const info = ts.preProcessFile(scriptOf(f, texts.get(f)!), true, true);
    return [f, info.importedFiles.map((i) => resolveImport(f, i.fileName, known)).filter((x): x is string => x !== null)];
  }),
);
const rel = (f: string) => relative(SRC, f);
const top = (f: string) =>
  rel(f)
    .split('/')[0]
    .replace(/\.[a-z]+$/, '');
/** The stage of a module inside a staged layer ("documents" for sources/documents/x.ts), or null for the layer's root files. */
const stage = (f: string) => {
  const parts = rel(f).split('/');
  return parts.length > 2 ? parts[1] : null;
};

describe('layers', () => {
  it('every module sits in a known layer', () => {
    expect(all.map(top).filter((t) => !(t in RANK))).toEqual([]);
  });

  it('no import runs from a lower layer to a higher one, or sideways between layers or stages', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const [a, b] = [top(from), top(to)];
        if (a === b) {
          if (STAGED.has(a) && stage(from) !== null && stage(to) !== null && stage(from) !== stage(to))
            wrong.push(`${rel(from)} → ${rel(to)} (another stage)`);
          continue;
        }
        if (RANK[b] > RANK[a]) wrong.push(`${rel(from)} → ${rel(to)} (upward)`);
        else if (RANK[b] === RANK[a] && !(UI.has(a) && UI.has(b))) wrong.push(`${rel(from)} → ${rel(to)} (sideways)`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    // Tarjan's strongly connected components: any component of more than one module is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    let counter = 0;
    const visit = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(rel(w));
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
      }
    };
    for (const f of all) if (!index.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('finds the imports it checks (the checks above are not vacuous)', () => {
    const edges = [...graph.values()].reduce((n, t) => n + t.length, 0);
    expect(edges).toBeGreaterThan(300);
    expect(graph.get(join(SRC, 'portal/portal.ts'))).toContain(join(SRC, 'domain/derive-status.ts'));
  });
});

describe('one place for each concern', () => {
  const CATALOGUE = join(SRC, 'domain/status-catalogue.ts');
  const quoted = new RegExp(`(['"\`])(${ALL_STATUSES.join('|')})\\1`, 'g');

  it('a status word is written as a literal only in the status catalogue', () => {
    const found: string[] = [];
    for (const [file, text] of texts) {
      if (file === CATALOGUE || file.endsWith('.mdx')) continue;
      const code = scriptOf(file, text).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const markupProps = file.endsWith('.astro')
        ? [...text.matchAll(/\b[a-z]+=(["'])([^"']+)\1/g)].filter((m) => ALL_STATUSES.includes(m[2] as never))
        : [];
      for (const m of [...code.matchAll(quoted), ...markupProps]) found.push(`${rel(file)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    expect(readFileSync(CATALOGUE, 'utf8').match(quoted)?.length).toBeGreaterThanOrEqual(ALL_STATUSES.length);
  });

  it('only src/config.ts reads the environment', () => {
    const readers = [...texts]
      .filter(([file, text]) => file !== join(SRC, 'config.ts') && /process\.env\b/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map(([file]) => rel(file));
    expect(readers).toEqual([]);
  });
});

describe('Astro components', () => {
  // tsc does not read .astro files: an import left behind by a refactor would go unnoticed.
  it('import nothing they do not use', () => {
    const unused: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith('.astro')) continue;
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) continue;
      const [, front, body] = m;
      const rest = front.replace(/^import [^\n]*\n/gm, '') + body;
      for (const line of front.match(/^import [^\n]*$/gm) ?? []) {
        const names = /^import (?:type )?(?:(\w+)(?:, )?)?(?:\{([^}]*)\})? from/.exec(line);
        const all = [names?.[1], ...(names?.[2]?.split(',') ?? [])]
          .map((n) =>
            n
              ?.trim()
              .replace(/^type /, '')
              .split(' as ')
              .pop(),
          )
          .filter((n): n is string => Boolean(n));
        for (const name of all) if (!new RegExp(`\\b${name}\\b`).test(rest)) unused.push(`${rel(file)}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});

describe('tests', () => {
  const TESTS = join(REPO_ROOT, 'tests');
  /** Tests of the documents stage as a whole, by concern (bad input, nothing lost, seeds, one plan in every format). */
  const STAGE_TESTS = [
    'sources/documents/bad-input',
    'sources/documents/nothing-lost',
    'sources/documents/seeds',
    'sources/documents/formats/same-tasks',
    'sources/documents/corpus',
  ];
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return ['e2e', 'faults', 'fixtures'].includes(e.name) ? [] : testFiles(p);
      return e.name.endsWith('.test.ts') ? [p] : [];
    });
  /** The module a test mirrors: tests/a/b.test.ts tests src/a/b.ts, or a/b.ts beside src (bench/, scripts/), or tests/helpers/b.ts. */
  const mirrored = (file: string) => {
    const stem = relative(TESTS, file).replace(/\.test\.ts$/, '');
    const bases = [join(SRC, stem), join(REPO_ROOT, stem), ...(stem.startsWith('helpers/') ? [join(TESTS, stem)] : [])];
    return bases.flatMap((base) => ['.ts', '.mts', '.mjs', '.astro'].map((ext) => base + ext)).find((c) => existsSync(c)) ?? null;
  };

  it('each unit test file mirrors one module by path and name (x.ts ↔ x.test.ts)', () => {
    const files = testFiles(TESTS);
    expect(files.length).toBeGreaterThan(50);
    const orphans = files
      .map((f) => relative(TESTS, f).replace(/\.test\.ts$/, ''))
      .filter((stem) => stem !== 'architecture' && !STAGE_TESTS.includes(stem))
      .filter((stem) => mirrored(join(TESTS, `${stem}.test.ts`)) === null);
    expect(orphans).toEqual([]);
    // The check can fail: a test named after no module is an orphan.
    expect(mirrored(join(TESTS, 'outputs/pdf/no-such-module.test.ts'))).toBeNull();
    expect(mirrored(join(TESTS, 'outputs/pdf/typst-source.test.ts'))).toBe(join(SRC, 'outputs/pdf/typst-source.ts'));
  });
});
