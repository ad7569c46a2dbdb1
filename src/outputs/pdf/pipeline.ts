// The PDF phase of the build, without Astro: specs → typst source → cache or render → files under outDir.
// Rendering runs in a pool of child processes (src/build/pool/, worker.mjs): one per core within the
// memory budget, each retired after some reports or once its RSS passes a threshold, because typst's
// native memory grows with every compile and only comes back when the process exits.
// stage.ts is a thin wrapper; tests call this directly.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fontPaths, fontVersion } from '../../build/fonts';
import { placeFile } from '../../build/place.mjs';
import { pruneFolder } from '../../build/site-files';
import { settings, type Settings } from '../../config';
import { processWorker, workerFile } from '../../build/pool/handles';
import { liveMemoryBudgetMb, memoryBudgetMb, releaseMemory, type HeldMemory } from '../../build/pool/memory';
import { runPool, type PoolStats } from '../../build/pool/run-pool';
import { turnTaker } from '../../build/turns';
import { PdfCache, pdfTemplateVersion, reportContent, reportKey } from './cache';
import { missingGlyphs } from './glyphs';
import { engineVersion, TypstError } from './render';
import type { ReportSpec } from './report-spec';
import { reportSource, TEMPLATE_VERSION, type Palette } from './typst-source';

export interface ReportOutcome {
  path: string;
  file: string;
  key: string;
  cached: boolean;
  /** Compile time (wall, and CPU of the compiling process); 0 for a cache hit. */
  ms: number;
  cpuMs: number;
  /** Page count; null for a cache hit (not worth parsing the PDF for). */
  pages: number | null;
  bytes: number;
  /** PDF/UA-1, or the default tagged PDF where typst refused UA; null for a cache hit. */
  standard: 'ua-1' | 'tagged' | null;
}

export interface BuildReportsOptions {
  specs: ReportSpec[];
  /** The build output folder (dist/): a spec path /reports/x.pdf lands at outDir/reports/x.pdf. */
  outDir: string;
  cache: PdfCache;
  palette: Palette;
  /** YYYY-MM-DD, shown on the cover of reports rendered now. */
  generatedOn: string;
  /** One line per report and a summary; stage.ts passes the stage logger. */
  log?: (line: string) => void;
  /** Problems that do not stop the build (characters the font cannot draw). */
  warn?: (line: string) => void;
  /** Render processes; default one per core within the memory budget (QINGDAN_PDF_WORKERS). */
  workers?: number;
  /**
   * Memory the render processes may use together, MB; default QINGDAN_MEMORY_MB or 2 GB (see pool.ts).
   * A report waits until its estimated need fits; one that cannot fit at all runs alone.
   */
  memoryMb?: number;
  /** Memory held beside the renders for a while (the search index being built): left free until given back. */
  held?: HeldMemory;
  /** Retire a render process after this many reports. */
  recycleAfter?: number;
  /** Retire a render process once its RSS passes this, MB. */
  recycleAboveMb?: number;
  /** Project root, to find worker.mjs when this module runs bundled. */
  root?: string;
}

export interface BuildReportsResult {
  /** In the order of `specs`. */
  outcomes: ReportOutcome[];
  rendered: number;
  cached: number;
  ms: number;
  /** Render processes started (replacements included), retired early, their largest RSS, reports that waited for memory. */
  workers: { started: number; recycled: number; peakRssMb: number; waitedForMemory: number };
}

// Measured on synthetic corpora (typst-ts 0.7.0, evictCache(0) after each compile, Linux x86-64): a fresh
// render process holds ~120 MB; one report in a fresh process peaks near 120 MB + 0.7 MB per KB of typst
// source (a 1,300-task region report: 1.3 MB of source, 1.1 GB); afterwards the process keeps most of
// that high-water mark and grows ~0.5–3 MB per further report until it exits.

/** RSS of a fresh render process, fonts loaded, MB. */
export const WORKER_BASE_MB = 120;
/** Retire a render process once it reports more than this, MB: after a large report, or ~150 small ones. */
export const RECYCLE_ABOVE_MB = 600;
/** Reports before a render process is replaced anyway, so slow growth never accumulates unseen. */
export const RECYCLE_AFTER = 500;
/** A render process with a typical report, MB: how many the memory budget allows at once. */
export const WORKER_MB = 400;

/** What compiling `source` may add to a render process, MB (the measurement above, rounded up). */
export function reportMb(source: string): number {
  return Math.ceil(40 + (0.75 * Buffer.byteLength(source)) / 1024);
}

/** Render processes: the cores, bounded by the memory budget. */
export function pdfWorkerCount(
  opts: { workers?: number; memoryMb?: number; settings?: Pick<Settings, 'pdfWorkers' | 'memoryMb'> } = {},
): number {
  const s = opts.settings ?? settings();
  const asked = opts.workers ?? s.pdfWorkers;
  const byMemory = Math.max(1, Math.floor((opts.memoryMb ?? memoryBudgetMb(s)) / WORKER_MB));
  const wanted = asked && asked > 0 ? Math.floor(asked) : availableParallelism();
  return Math.max(1, Math.min(wanted, byMemory));
}

/** The child-process entry next to this file (or under root when bundled). */
export function pdfWorkerPath(root?: string): string {
  return workerFile(import.meta.url, 'worker.mjs', root, 'src/outputs/pdf');
}

interface PdfJob {
  id: number;
  source: string;
  generatedOn: string;
  name: string;
}

interface PdfResult {
  id: number;
  ok: boolean;
  error?: string;
  diagnostics?: unknown[];
  rssMb?: number;
  pdf?: Uint8Array;
  pages?: number;
  standard?: 'ua-1' | 'tagged';
  ms?: number;
  cpuMs?: number;
}

export async function buildReports(options: BuildReportsOptions): Promise<BuildReportsResult> {
  const { specs, outDir, cache, palette, generatedOn, log = () => {}, warn = log } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(generatedOn)) throw new Error(`generatedOn must be YYYY-MM-DD, got "${generatedOn}"`);
  const started = performance.now();
  const versions = { templateVersion: pdfTemplateVersion(TEMPLATE_VERSION), fontVersion: fontVersion(), engineVersion: engineVersion() };
  const seen = new Set<string>();
  const outcomes: ReportOutcome[] = new Array(specs.length);
  const keys: string[] = new Array(specs.length);
  const width = String(specs.length).length;
  let done = 0;
  // The first report typst refused: no new work is handed out after it, and the build fails with it.
  const failed: { first: { message: string; diagnostics: unknown[] } | null; count: number } = { first: null, count: 0 };

  const file = (spec: ReportSpec) => join(outDir, ...spec.path.split('/').filter(Boolean));
  // Lines come in the order reports finish; the counter says how many are done.
  // Every report lands in the cache first; the site gets a hard link to it (place.mjs).
  const made = new Set<string>();
  const finished = (i: number, outcome: ReportOutcome) => {
    placeFile(cache.path(outcome.key), outcome.file, made);
    outcomes[i] = outcome;
    const n = String(++done).padStart(width, ' ');
    if (outcome.cached) return; // thousands of these on a rebuild: the summary counts them
    log(
      `[${n}/${specs.length}] ${outcome.path.slice(1)} ${outcome.cached ? 'cached' : `rendered in ${Math.round(outcome.ms)} ms (CPU ${Math.round(outcome.cpuMs)} ms), ${outcome.pages} pages${outcome.standard === 'tagged' ? ', not PDF/UA-1' : ''}`}, ${Math.round(outcome.bytes / 1024)} KB`,
    );
  };

  // Keys and cache hits first, taking turns with the event loop: on a rebuild nearly every report is a
  // hit (reading and hashing its cached bytes), and the search index building beside this stage must get
  // its records meanwhile (src/build/turns.ts).
  const turn = turnTaker();
  const misses: number[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    if (!/^\/reports\/[^?#]+\.pdf$/.test(spec.path) || spec.path.includes('..'))
      throw new Error(`report path "${spec.path}" is not under /reports/`);
    if (seen.has(spec.path)) throw new Error(`two reports for ${spec.path}`);
    seen.add(spec.path);
    // Keyed by the spec, not the source: on a rebuild most reports are hits, and making the source of
    // every report cost more than the rest of the stage (4.6 s of CPU for 2,456 reports at 10,000 tasks).
    const key = (keys[i] = reportKey({ content: reportContent(spec, palette), ...versions }));
    const bytes = cache.has(key, () =>
      warn(`${spec.path.slice(1)}: the cached report was damaged (its bytes no longer match their hash); rendered again`),
    );
    if (bytes !== null)
      finished(i, { path: spec.path, file: file(spec), key, cached: true, ms: 0, cpuMs: 0, pages: null, bytes, standard: null });
    else misses.push(i);
    await turn();
  }

  // Sources are made one at a time as render processes ask for work, so a build of thousands of reports
  // never holds more than a few sources.
  let cursor = 0;
  const next = (): PdfJob | null => {
    if (failed.first || cursor >= misses.length) return null;
    const i = misses[cursor++]!;
    const spec = specs[i];
    const source = reportSource(spec, palette);
    const missing = missingGlyphs(source);
    if (missing.length)
      warn(
        `${spec.path.slice(1)}: the font has no glyph for ${missing.map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}; they print as empty boxes`,
      );
    return { id: i, source, generatedOn, name: spec.path };
  };

  const onResult = (r: PdfResult) => {
    if (!r.ok || !r.pdf) {
      failed.count++;
      failed.first ??= { message: r.error ?? `typst could not compile ${specs[r.id].path}`, diagnostics: r.diagnostics ?? [] };
      return;
    }
    const spec = specs[r.id];
    const pdf = Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength);
    cache.put(keys[r.id], pdf);
    finished(r.id, {
      path: spec.path,
      file: file(spec),
      key: keys[r.id],
      cached: false,
      ms: r.ms ?? 0,
      cpuMs: r.cpuMs ?? 0,
      pages: r.pages ?? null,
      bytes: pdf.length,
      standard: r.standard ?? 'tagged',
    });
  };

  const fonts = fontPaths();
  const workerArgs = [JSON.stringify({ fonts: [fonts[400], fonts[700]] })];
  const entry = pdfWorkerPath(options.root);
  if (options.memoryMb === undefined) releaseMemory(); // before measuring what the render processes may have
  const memoryMb = options.memoryMb ?? memoryBudgetMb();
  const count = pdfWorkerCount({ ...options, memoryMb });
  let stats: PoolStats = { started: 0, recycled: 0, peakWorkerRssMb: 0, waitedForMemory: 0 };
  try {
    stats = await runPool<PdfJob, PdfResult>({
      name: 'pdf',
      noun: 'report',
      count,
      start: () => processWorker(entry, workerArgs),
      next,
      onResult,
      label: (job) => job.name,
      recycleAfterJobs: options.recycleAfter ?? RECYCLE_AFTER,
      // Each process may grow to its share of the budget: fewer, fatter processes would leave a core idle.
      recycleAboveMb: options.recycleAboveMb ?? Math.max(WORKER_BASE_MB * 2, Math.min(RECYCLE_ABOVE_MB, memoryMb / count - 64)),
      // What this process holds is read again at every decision: it grows while the reports come in, and
      // with the budget fixed at the start a 10,000-task build went 7% past its bound.
      budgetMb: options.memoryMb ?? liveMemoryBudgetMb(),
      held: options.held,
      workerBaseMb: WORKER_BASE_MB,
      jobMb: (job) => reportMb(job.source),
    });
  } catch (error) {
    // typst's own message names the report; keep its diagnostics for callers, as the in-process renderer does.
    const first = failed.first;
    if (first)
      throw new TypstError(
        failed.count > 1 ? `${first.message}\n(and ${failed.count - 1} more report(s) failed)` : first.message,
        first.diagnostics,
      );
    throw error;
  }

  // Reports no longer published (the site folder is kept between builds).
  const reportsDir = join(outDir, 'reports');
  const published = new Set(outcomes.map((o) => o.file));
  const stale = pruneFolder(reportsDir, (f) => published.has(join(reportsDir, f)));
  if (stale) log(`removed ${stale} report(s) no longer published`);

  const rendered = outcomes.filter((o) => !o.cached).length;
  const ms = performance.now() - started;
  if (stats.started) {
    log(
      `render processes: up to ${count} at once within ${Math.round(memoryMb)} MB; ${stats.started} started, ${stats.recycled} retired early; largest ${stats.peakWorkerRssMb} MB` +
        (stats.waitedForMemory ? `; ${stats.waitedForMemory} report(s) waited for memory` : ''),
    );
  }
  log(
    `${outcomes.length} reports: ${rendered} rendered, ${outcomes.length - rendered} from cache (${cache.dir}) in ${(ms / 1000).toFixed(1)} s`,
  );
  return {
    outcomes,
    rendered,
    cached: outcomes.length - rendered,
    ms,
    workers: { started: stats.started, recycled: stats.recycled, peakRssMb: stats.peakWorkerRssMb, waitedForMemory: stats.waitedForMemory },
  };
}
