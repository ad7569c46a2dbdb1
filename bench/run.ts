// npm run bench -- --tasks N [--seed S] [--strict] [--skip-search] [--keep]
//
// One run, at one scale:
//   1. baseline: N bare Markdown pages through bench/baseline (one collection, one layout), then Pagefind;
//   2. cold: the real full build of a synthetic corpus (npm run synth) from empty caches;
//   3. warm: the same build again after changing exactly one status report.
// Each step's wall time and peak RSS of its whole process tree are measured; phases are read from
// what the build reports, else cut from its log, else measured in a process of their own (and
// labelled so). Search is measured in headless Chromium. A step that cannot run reports n/a with
// the reason — never a made-up number. Results: bench/results/latest.json and bench/results/<N>.json.
// Timings are for reading, never asserted in tests.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { synthesizeCorpus, type SynthCorpus } from '../src/synth/index.ts';
import { writeCorpus } from '../src/synth/write.ts';
import {
  durations,
  mergePhases,
  peaksIn,
  phaseWindows,
  renderCounts,
  reportedPhases,
  reportedWindows,
  type Phases,
  type RenderCounts,
  type Window,
} from './phases.ts';
import { changeOneReport } from './change-report.ts';
import { runMeasured, type StepResult } from './proc.ts';
import { FIRST_QUERIES, LATENCY_RUNS, measureSearch, searchUnavailable, type SearchMetrics } from './search.ts';
import { evaluateTargets, namedRatios, type TargetResult } from './targets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
/** Fixed build date, so cold and warm builds (and reruns) draw the same cards and PDFs. */
const BUILD_DATE = '2025-01-15';
const SOURCE_DATE_EPOCH = String(Date.UTC(2025, 0, 15) / 1000);
const ECHO = /\[ERROR\]|error|page\(s\) built|Complete!|cards:|reports:|pagefind|Indexed|Total/i;

interface Options {
  tasks: number;
  seed: number;
  strict: boolean;
  skipSearch: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { tasks: 10000, seed: 1, strict: false, skipSearch: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--tasks')) o.tasks = Number(value());
    else if (a.startsWith('--seed')) o.seed = Number(value());
    else if (a === '--strict') o.strict = true;
    else if (a === '--skip-search') o.skipSearch = true;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown argument "${a}" (use --tasks N, --seed S, --strict, --skip-search, --keep)`);
  }
  if (!Number.isInteger(o.tasks) || o.tasks < 1) throw new Error(`--tasks must be a positive whole number`);
  if (!Number.isInteger(o.seed)) throw new Error(`--seed must be a whole number`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// results

type Maybe<T> = T | null;

interface Results {
  tasks: number;
  pages: Maybe<number>;
  seed: number;
  ranAt: string;
  machine: { cpus: number; memGb: number; node: string };
  corpus: { documents: number; statusReports: number; synth_s: number; mb: number };
  baseline: {
    pages: number;
    astro_s: Maybe<number>;
    astro_peak_rss_mb: Maybe<number>;
    pagefind_s: Maybe<number>;
    pagefind_peak_rss_mb: Maybe<number>;
    index_mb: Maybe<number>;
  };
  cold: {
    total_s: Maybe<number>;
    peak_rss_mb: Maybe<number>;
    phases: Record<string, number>;
    phase_sources: Phases['sources'];
    phase_peak_rss_mb: Record<string, number>;
  };
  warm: {
    total_s: Maybe<number>;
    peak_rss_mb: Maybe<number>;
    cards_rendered: Maybe<number>;
    pdfs_rendered: Maybe<number>;
    pages_rendered: Maybe<number>;
    pages_reused: Maybe<number>;
    changed: Maybe<string>;
    phases: Maybe<Record<string, number>>;
  };
  outputs: { cards: Maybe<number>; pdfs: Maybe<number>; index_mb: Maybe<number> };
  search: {
    baseline: Maybe<SearchMetrics>;
    portal: Maybe<SearchMetrics>;
    first_query_gzip_ratio?: number | null;
    p50_ratio?: number | null;
    p95_ratio?: number | null;
  };
  /** The decided targets, as ratios to the baseline of the same run (bench/targets.ts). */
  targets: TargetResult[];
  /** The same ratios under the names the issue gives them (bench/targets.ts namedRatios). */
  cold_ratio?: number | null;
  per_page_ratio?: number | null;
  /** The commit measured, with "+changes" when the working tree differed from it. */
  commit?: string | null;
  /** Why each missing number is missing: key → reason. */
  na: Record<string, string>;
  /** Facts that qualify a number that is there (a 0 that means a stage did not run, a phase measured apart). */
  notes: Record<string, string>;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The commit under measurement, so a result can be matched with the code it measured. */
function commitMeasured(): string | null {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return null;
  const dirty = git(['status', '--porcelain', '--', 'src', 'bench', 'public', 'package.json', 'astro.config.mjs']).stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '+changes' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// files

function walk(dir: string, visit: (path: string, size: number) => void): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, visit);
    else visit(p, st.size);
  }
}

function count(dir: string, re: RegExp): number {
  let n = 0;
  walk(dir, (p) => {
    if (re.test(p)) n++;
  });
  return n;
}

function sizeMb(dir: string): Maybe<number> {
  if (!existsSync(dir)) return null;
  let bytes = 0;
  walk(dir, (_p, size) => (bytes += size));
  return round(bytes / 1e6);
}

/** The newest modification time under the portal's sources: a change during a run makes caches miss. */
function sourcesMtime(): number {
  let newest = 0;
  for (const p of ['src', 'astro.config.mjs', 'public']) {
    const abs = join(ROOT, p);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isFile()) newest = Math.max(newest, statSync(abs).mtimeMs);
    else walk(abs, (f) => (newest = Math.max(newest, statSync(f).mtimeMs)));
  }
  return newest;
}

/** One bare Markdown page per task: its title and text, nothing the portal adds. */
function writeBaselinePages(corpus: SynthCorpus, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  let n = 0;
  for (const d of corpus.documents) {
    mkdirSync(join(dir, d.slug), { recursive: true });
    for (const t of d.expected.tasks) {
      const title = `${t.number} ${t.text.split('。')[0]}`.slice(0, 80);
      writeFileSync(
        join(dir, d.slug, `${t.localId}.md`),
        `---\ntitle: ${JSON.stringify(title)}\n---\n\n${t.text}\n\n${t.units.map((u) => `- ${u.name}`).join('\n')}\n`,
      );
      n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// table

function fmt(v: Maybe<number> | undefined, unit = ''): string {
  return v === null || v === undefined ? 'n/a' : `${v}${unit}`;
}

function printTable(r: Results): void {
  const rows: Array<[string, string, string]> = [];
  const add = (what: string, value: string, note = '') => rows.push([what, value, note]);
  add('tasks / portal pages', `${r.tasks} / ${fmt(r.pages)}`, `${r.corpus.documents} documents, ${r.corpus.statusReports} demo reports`);
  add('baseline astro (N .md pages)', fmt(r.baseline.astro_s, ' s'), `peak ${fmt(r.baseline.astro_peak_rss_mb, ' MB')}`);
  add(
    'baseline pagefind',
    fmt(r.baseline.pagefind_s, ' s'),
    `peak ${fmt(r.baseline.pagefind_peak_rss_mb, ' MB')}, index ${fmt(r.baseline.index_mb, ' MB')}`,
  );
  add('cold build total', fmt(r.cold.total_s, ' s'), `peak ${fmt(r.cold.peak_rss_mb, ' MB')}`);
  for (const [k, v] of Object.entries(r.cold.phases)) {
    const peak = r.cold.phase_peak_rss_mb[k];
    add(`  phase ${k}`, `${v} s`, `${r.cold.phase_sources[k] ?? ''}${peak !== undefined ? `, peak ${peak} MB` : ''}`);
  }
  add(
    'warm rebuild (1 report changed)',
    fmt(r.warm.total_s, ' s'),
    `peak ${fmt(r.warm.peak_rss_mb, ' MB')}; pages rendered ${fmt(r.warm.pages_rendered)} (reused ${fmt(r.warm.pages_reused)}), cards rendered ${fmt(r.warm.cards_rendered)}, PDFs rendered ${fmt(r.warm.pdfs_rendered)}`,
  );
  if (r.warm.phases)
    add(
      '  warm phases',
      '',
      Object.entries(r.warm.phases)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', '),
    );
  add('outputs', `cards ${fmt(r.outputs.cards)}, PDFs ${fmt(r.outputs.pdfs)}`, `pagefind ${fmt(r.outputs.index_mb, ' MB')}`);
  for (const [name, s] of [
    ['baseline', r.search.baseline],
    ['portal', r.search.portal],
  ] as const) {
    add(
      `search ${name}: first query`,
      s ? `median ${s.firstQueryKb.median} KB, max ${s.firstQueryKb.max} KB` : 'n/a',
      s
        ? `gzip: median ${s.firstQueryGzipKb.median} KB, max ${s.firstQueryGzipKb.max} KB; ${FIRST_QUERIES.length} words via ${s.firstQueryVia}, each in a fresh browser; median ${s.firstQueryMs} ms; ${s.firstQueryResults} results for ${FIRST_QUERIES[0]}`
        : '',
    );
    add(
      `search ${name}: latency`,
      s ? `p95 ${fmt(s.p95Ms, ' ms')}` : 'n/a',
      s ? `p50 ${fmt(s.p50Ms, ' ms')} over ${s.queries} queries (each query ${LATENCY_RUNS} times)` : '',
    );
  }
  for (const t of r.targets)
    add(
      `target: ${t.name}`,
      t.ratio === null ? 'n/a' : `${t.ratio}× (≤ ${t.limit}×)`,
      `${t.ratio === null ? '' : t.met ? 'met' : 'NOT met'}; ${t.detail}`,
    );
  const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
  console.log('\n' + rows.map(([a, b, c]) => `${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c}`).join('\n'));
  const na = Object.entries(r.na);
  if (na.length) console.log('\nn/a:\n' + na.map(([k, v]) => `  ${k}: ${v}`).join('\n'));
  const notes = Object.entries(r.notes);
  if (notes.length) console.log('\nnotes:\n' + notes.map(([k, v]) => `  ${k}: ${v}`).join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const work = join(ROOT, 'bench/tmp', String(o.tasks));
  const dirs = {
    corpus: join(work, 'corpus'),
    baselinePages: join(work, 'baseline-pages'),
    baselineSite: join(work, 'baseline-site'),
    baselineCache: join(work, 'baseline-cache'),
    site: join(work, 'site'),
    cache: join(work, 'cache'),
    astroCache: join(work, 'astro-cache'),
    logs: join(work, 'logs'),
  };
  mkdirSync(work, { recursive: true });
  const na: Record<string, string> = {};
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  console.log(`bench: ${o.tasks} tasks, seed ${o.seed}, work in ${relative(ROOT, work)}/`);

  // ---- corpus
  const t0 = performance.now();
  const corpus = synthesizeCorpus({ tasks: o.tasks, seed: o.seed });
  const written = writeCorpus(corpus, dirs.corpus);
  const synthSeconds = (performance.now() - t0) / 1000;
  const statusReports = corpus.status.files.reduce((n, f) => n + f.reports.length, 0);
  console.log(
    `  corpus: ${corpus.documents.length} documents, ${statusReports} demo reports, ${(written.bytes / 1e6).toFixed(1)} MB in ${synthSeconds.toFixed(1)} s`,
  );

  // ---- 1. baseline
  const baselinePages = writeBaselinePages(corpus, dirs.baselinePages);
  for (const d of [dirs.baselineSite, dirs.baselineCache]) rmSync(d, { recursive: true, force: true });
  console.log(`  baseline: astro build of ${baselinePages} pages …`);
  const bAstro = await runMeasured(NODE, [ASTRO, 'build'], {
    cwd: join(ROOT, 'bench/baseline'),
    env: {
      ...env,
      BENCH_BASELINE_PAGES: dirs.baselinePages,
      BENCH_BASELINE_OUT: dirs.baselineSite,
      BENCH_BASELINE_CACHE: dirs.baselineCache,
    },
    logFile: join(dirs.logs, 'baseline-astro.log'),
    echo: ECHO,
  });
  if (!bAstro.ok) na['baseline.astro_s'] = bAstro.reason!;
  let bPagefind: StepResult | null = null;
  if (bAstro.ok) {
    console.log('  baseline: pagefind …');
    bPagefind = await runMeasured(NODE, [PAGEFIND, '--site', dirs.baselineSite], {
      cwd: ROOT,
      env,
      logFile: join(dirs.logs, 'baseline-pagefind.log'),
      echo: /Indexed|Total|error/i,
    });
    if (!bPagefind.ok) na['baseline.pagefind_s'] = bPagefind.reason!;
  } else na['baseline.pagefind_s'] = 'baseline astro build failed';

  // ---- 2. cold build of the portal
  // The spare beside the site folder too (src/build/publish.ts): a cold build starts from nothing.
  for (const d of [dirs.site, `${dirs.site}.spare`, dirs.cache, dirs.astroCache]) rmSync(d, { recursive: true, force: true });
  // The portal's own config with private caches: a cold run must not clear (or use) anyone else's.
  const wrapper = join(work, 'astro.bench.config.mjs');
  writeFileSync(
    wrapper,
    `// Written by bench/run.ts: the portal's config with the benchmark's own caches.\nimport config from '${relative(work, join(ROOT, 'astro.config.mjs'))}';\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(dirs.astroCache)}, vite: { ...(config.vite ?? {}), cacheDir: ${JSON.stringify(join(dirs.astroCache, 'vite'))} } };\n`,
  );
  const buildEnv = {
    ...env,
    QINGDAN_CONTENT_DIR: dirs.corpus,
    QINGDAN_CACHE_DIR: dirs.cache,
    QINGDAN_BUILD_DATE: BUILD_DATE,
    SOURCE_DATE_EPOCH,
    QINGDAN_PHASES_FILE: join(work, 'phases.json'),
    // As `npm run build` sets it: fewer malloc arenas leave the build process ~200 MB smaller at 10,000 tasks.
    MALLOC_ARENA_MAX: '2',
  };
  // As `npm run build` (src/cli/build.ts): the content check, the Astro build, the output stages, publishing.
  const buildArgs = ['--import', 'tsx', join(ROOT, 'src/cli/build.ts'), '--config', relative(ROOT, wrapper), '--out', dirs.site];
  const readPhasesFile = (): Record<string, number> => {
    try {
      const data = JSON.parse(readFileSync(buildEnv.QINGDAN_PHASES_FILE, 'utf8')) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number'));
    } catch {
      return {};
    }
  };
  // The cards stage leaves a summary of its run in its cache folder (exact seconds and counts).
  const cardsRun = join(dirs.cache, 'cards', 'last-run.json');
  type CardsRun = { seconds?: number; rendered?: number; versions?: Record<string, string> };
  const readCardsRun = (): CardsRun => {
    try {
      return JSON.parse(readFileSync(cardsRun, 'utf8')) as CardsRun;
    } catch {
      return {};
    }
  };
  rmSync(buildEnv.QINGDAN_PHASES_FILE, { force: true });
  const sourcesBefore = sourcesMtime();
  console.log('  cold: portal build from empty caches …');
  const cold = await runMeasured(NODE, buildArgs, {
    cwd: ROOT,
    env: buildEnv,
    logFile: join(dirs.logs, 'cold-build.log'),
    echo: ECHO,
  });
  if (!cold.ok) na.cold = cold.reason!;

  // Ingest and join in a process of their own: the real loaders on the same corpus.
  console.log('  ingest: loading the portal in its own process …');
  const timing = await runMeasured(NODE, [TSX, join(ROOT, 'bench/portal-timing.ts')], {
    cwd: ROOT,
    env: { ...env, QINGDAN_CONTENT_DIR: dirs.corpus },
    logFile: join(dirs.logs, 'portal-timing.log'),
  });
  const separate: Record<string, number> = {};
  const timingLine = timing.lines.map((l) => l.text).find((l) => l.startsWith('{"ingest_s"'));
  if (timing.ok && timingLine) {
    const t = JSON.parse(timingLine) as { ingest_s: number; join_s: number };
    separate.ingest = t.ingest_s;
    separate.join = t.join_s;
  } else na['cold.phases.ingest'] = `portal load failed: ${timing.reason ?? 'no timing line'}`;
  const coldCards = cold.ok ? readCardsRun() : {};
  /** Windows of a build's phases: log boundaries, overridden by what the stages time themselves. */
  const windowsOf = (step: StepResult, cards: { seconds?: number }): Record<string, Window> => {
    const w = { ...phaseWindows(step.lines, step.wallSeconds), ...reportedWindows(step.lines) };
    const cardsLine = [...step.lines].reverse().find((l) => /cards: wrote/.test(l.text));
    if (cardsLine && typeof cards.seconds === 'number') w.cards = [Math.max(0, cardsLine.t - cards.seconds), cardsLine.t];
    return w;
  };
  const coldWindows = cold.ok ? windowsOf(cold, coldCards) : {};
  const reported = {
    ...readPhasesFile(),
    ...reportedPhases(cold.lines),
    ...(typeof coldCards.seconds === 'number' ? { cards: coldCards.seconds } : {}),
  };
  const phases = mergePhases(reported, durations(coldWindows), separate);
  const phasePeaks = peaksIn(cold.rss, coldWindows);

  // ---- 3. warm rebuild after one status report changes
  let warm: StepResult | null = null;
  let changed: string | null = null;
  if (cold.ok) {
    const change = changeOneReport(join(dirs.corpus, 'status'));
    changed = `${relative(ROOT, change.file)} task ${change.task}: ${change.from} → ${change.to}`;
    console.log(`  warm: changed ${changed}; rebuilding …`);
    rmSync(cardsRun, { force: true });
    warm = await runMeasured(NODE, buildArgs, { cwd: ROOT, env: buildEnv, logFile: join(dirs.logs, 'warm-build.log'), echo: ECHO });
    if (!warm.ok) na.warm = warm.reason!;
  } else na.warm = 'cold build failed';
  const counts: RenderCounts = warm?.ok
    ? renderCounts(warm.lines)
    : { cardsRendered: null, pdfsRendered: null, pagesRendered: null, pagesReused: null };
  const warmCards = warm?.ok ? readCardsRun() : {};
  if (typeof warmCards.rendered === 'number') counts.cardsRendered = warmCards.rendered;
  const warmPhases = warm?.ok
    ? mergePhases(
        { ...reportedPhases(warm.lines), ...(typeof warmCards.seconds === 'number' ? { cards: warmCards.seconds } : {}) },
        durations(windowsOf(warm, warmCards)),
        {},
      )
    : null;
  if (warm?.ok && counts.cardsRendered === null)
    na['warm.cards_rendered'] = 'the build printed no cards summary ("cards: … reused from cache, N to render")';
  if (warm?.ok && counts.pdfsRendered === null)
    na['warm.pdfs_rendered'] = 'the build printed no PDF summary ("N reports: R rendered, C from cache")';
  // Seen at 50,000 tasks: Astro exits before a pipe has taken all of its ~40,000 log lines, and the tail is lost.
  if (warm?.ok && counts.pagesRendered === null)
    na['warm.pages_rendered'] = 'the build printed no page-cache summary ("pages: N keyed, R rendered, …"), or its log was cut short';

  // ---- outputs
  const built = cold.ok && existsSync(dirs.site);
  const outputs = {
    cards: built ? count(join(dirs.site, 'cards'), /\.png$/) : null,
    pdfs: built ? count(join(dirs.site, 'reports'), /\.pdf$/) : null,
    index_mb: built ? sizeMb(join(dirs.site, 'pagefind')) : null,
  };
  if (built && outputs.index_mb === null) na['outputs.index_mb'] = 'no pagefind/ folder in the build output';
  const pages = built ? count(dirs.site, /\.html$/) : null;
  const notes: Record<string, string> = {};
  // Other people edit the portal while benchmarks run: say so when it happened, since it makes caches miss.
  if (sourcesMtime() > sourcesBefore) {
    notes.sources =
      'files under src/ (or the config) changed during this run: the warm rebuild may have re-rendered more than one change needs, and timings mix two versions';
  }
  if (coldCards.versions && warmCards.versions && JSON.stringify(coldCards.versions) !== JSON.stringify(warmCards.versions)) {
    notes['warm.cards_rendered'] =
      `the card template or font changed between the cold and warm builds (${JSON.stringify(coldCards.versions)} → ${JSON.stringify(warmCards.versions)}): every card was re-rendered`;
  }
  const said = (re: RegExp) => cold.lines.some((l) => re.test(l.text));
  if (built && outputs.cards === 0 && !said(/cards:/))
    notes['outputs.cards'] = '0: the cards stage did not run in this build (no "cards:" line in the log)';
  if (built && outputs.pdfs === 0 && !said(/\d+ reports:/))
    notes['outputs.pdfs'] = '0: the PDF stage did not run in this build (no reports summary in the log)';
  if (phases.sources.ingest === 'separate-process')
    notes['cold.phases.ingest'] =
      'measured apart (bench/portal-timing.ts: loadSources in its own process); inside the build it is part of "pages"';

  // ---- search in Chromium
  const search: Results['search'] = { baseline: null, portal: null };
  // The glob loader's id of <slug>/<localId>.md is "<slug>/<localId>": that page exists in every run.
  const firstBaselinePage = `/${corpus.documents[0].slug}/${corpus.documents[0].expected.tasks[0].localId}/`;
  const targets: Array<['baseline' | 'portal', string, string, boolean]> = [
    ['baseline', dirs.baselineSite, firstBaselinePage, Boolean(bPagefind?.ok)],
    ['portal', dirs.site, '/search/', built],
  ];
  for (const [name, dir, page, ready] of targets) {
    if (o.skipSearch) {
      na[`search.${name}`] = 'skipped (--skip-search)';
      continue;
    }
    if (!ready) {
      na[`search.${name}`] = `no ${name} build`;
      continue;
    }
    const why = searchUnavailable(dir, page);
    if (why) {
      na[`search.${name}`] = why;
      continue;
    }
    try {
      console.log(`  search: ${name} in Chromium …`);
      search[name] = await measureSearch(dir, page);
    } catch (e) {
      na[`search.${name}`] = `failed: ${(e as Error).message.split('\n')[0]}`;
    }
  }

  const results: Results = {
    tasks: o.tasks,
    pages,
    seed: o.seed,
    ranAt: new Date().toISOString(),
    machine: { cpus: cpus().length, memGb: round(totalmem() / 2 ** 30, 1), node: process.version },
    corpus: { documents: corpus.documents.length, statusReports, synth_s: round(synthSeconds), mb: round(written.bytes / 1e6) },
    baseline: {
      pages: baselinePages,
      astro_s: bAstro.ok ? round(bAstro.wallSeconds) : null,
      astro_peak_rss_mb: bAstro.ok ? bAstro.peakRssMb : null,
      pagefind_s: bPagefind?.ok ? round(bPagefind.wallSeconds) : null,
      pagefind_peak_rss_mb: bPagefind?.ok ? bPagefind.peakRssMb : null,
      index_mb: bPagefind?.ok ? sizeMb(join(dirs.baselineSite, 'pagefind')) : null,
    },
    cold: {
      total_s: cold.ok ? round(cold.wallSeconds) : null,
      peak_rss_mb: cold.ok ? cold.peakRssMb : null,
      phases: phases.seconds,
      phase_sources: phases.sources,
      phase_peak_rss_mb: phasePeaks,
    },
    warm: {
      total_s: warm?.ok ? round(warm.wallSeconds) : null,
      peak_rss_mb: warm?.ok ? warm.peakRssMb : null,
      cards_rendered: counts.cardsRendered,
      pdfs_rendered: counts.pdfsRendered,
      pages_rendered: counts.pagesRendered,
      pages_reused: counts.pagesReused,
      changed,
      phases: warmPhases?.seconds ?? null,
    },
    outputs,
    search,
    targets: [],
    na,
    notes,
  };
  results.targets = evaluateTargets(results);
  const named = namedRatios(results.targets);
  results.cold_ratio = named.cold_ratio;
  results.per_page_ratio = named.per_page_ratio;
  Object.assign(results.search, named.search);
  results.commit = commitMeasured();

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const json = JSON.stringify(results, null, 2) + '\n';
  writeFileSync(join(ROOT, 'bench/results/latest.json'), json);
  writeFileSync(join(ROOT, `bench/results/${o.tasks}.json`), json);
  printTable(results);
  console.log(`\nresults: bench/results/latest.json, bench/results/${o.tasks}.json; logs: ${relative(ROOT, dirs.logs)}/`);
  // Logs stay for reading; the rest is large and rebuilt next time.
  if (!o.keep)
    for (const d of [dirs.corpus, dirs.baselinePages, dirs.baselineSite, dirs.baselineCache, dirs.site, dirs.cache, dirs.astroCache])
      rmSync(d, { recursive: true, force: true });
  return o.strict && Object.keys(na).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: ${(e as Error).stack ?? e}`);
    process.exit(2);
  },
);
