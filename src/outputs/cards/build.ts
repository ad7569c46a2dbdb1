// Writes every card of a build: reuse from the cache what is there, render the rest on worker
// threads, print progress for long runs, prune the cache to this build, and record a summary.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CardSpec } from './card-model.ts';
import { DEMO_LABEL } from '../../portal/labels.ts';
import { cachePath, diskHas, planCards, pruneCache, writeLastRun, type PlannedCard, type RunSummary, type Versions } from './cache.ts';
import { renderInWorkers, workerPath, type RenderJob } from './pool.ts';
import { memoryBudgetMb, releaseMemory } from '../../build/pool/memory.ts';
import { settings, type Settings } from '../../config.ts';
import { buildTree, fontVersion, rendererOptions, templateContext, templateVersion } from './render.ts';
import { missingGlyphs } from './text-layout.ts';
import { parseFontMetrics } from '../../build/font-metrics.ts';
import { fontBuffers } from '../../build/fonts.ts';
import { placeFile } from '../../build/place.mjs';
import { pruneFolder } from '../../build/site-files.ts';

export interface CardBuildOptions {
  specs: readonly CardSpec[];
  /** The site's output folder (dist). */
  outDir: string;
  cacheDir: string;
  /** Worker threads; default: cores, bounded by memory. */
  workers?: number;
  /** Memory the card stage may use, MB (QINGDAN_MEMORY_MB); bounds the worker count. */
  memoryMb?: number;
  prune?: boolean;
  /** Project root, to find the worker when bundled. */
  root?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

/** Measured: one worker holding both NotoSansSC weights parsed, rendering, peaks near this. */
export const WORKER_MB = 420;

export function workerCount(
  toRender: number,
  opts: { workers?: number; memoryMb?: number; settings?: Pick<Settings, 'cardWorkers' | 'memoryMb'> } = {},
): number {
  const s = opts.settings ?? settings();
  if (toRender === 0) return 0;
  const asked = opts.workers ?? s.cardWorkers;
  const memoryMb = opts.memoryMb ?? memoryBudgetMb(s);
  const byMemory = Math.max(1, Math.floor(memoryMb / WORKER_MB));
  // A worker pays ~1 s parsing fonts; a handful of cards is not worth a second one.
  const byWork = Math.max(1, Math.ceil(toRender / 16));
  const wanted = asked && asked > 0 ? Math.floor(asked) : availableParallelism();
  return Math.max(1, Math.min(wanted, byMemory, byWork));
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const PROGRESS_EVERY_MS = 5000;

/** "cards 1200/10000 · 35/s · ETA 4 min"; the rate is `counted` cards over `elapsedSeconds`. */
export function progressLine(done: number, total: number, elapsedSeconds: number, counted = done): string {
  const rate = elapsedSeconds > 0 ? counted / elapsedSeconds : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  return `cards ${done}/${total} · ${rate.toFixed(rate < 10 ? 1 : 0)}/s · ETA ${eta}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const outPath = (outDir: string, spec: CardSpec) => join(outDir, ...spec.path.replace(/^\/+/, '').split('/'));

/** Texts a card draws, for the missing-glyph check. */
function drawnTexts(spec: CardSpec): string[] {
  return [
    spec.kicker,
    spec.title,
    spec.subtitle ?? '',
    ...spec.facts.flatMap((f) => [f.label, ...f.values]),
    ...(spec.stats ?? []).flatMap((s) => [s.label, s.unit]),
    spec.status?.period ?? '',
    spec.host,
    spec.siteName,
    DEMO_LABEL,
  ];
}

/** Characters no font weight can draw, with one card that uses each: they would show as boxes. */
export function findMissingGlyphs(specs: readonly CardSpec[]): Map<string, string> {
  const fonts = fontBuffers();
  const regular = parseFontMetrics(fonts[400]);
  const out = new Map<string, string>();
  for (const spec of specs)
    for (const t of drawnTexts(spec)) for (const ch of missingGlyphs(t, regular)) if (!out.has(ch)) out.set(ch, spec.pagePath);
  return out;
}

export async function buildCards(options: CardBuildOptions): Promise<RunSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const started = performance.now();
  const versions: Versions = { template: templateVersion(), font: fontVersion() };
  const damaged: string[] = [];
  const plan = planCards(
    options.specs,
    versions,
    diskHas(options.cacheDir, (key) => damaged.push(key)),
  );
  if (damaged.length)
    warn(
      `cards: ${damaged.length} cached card(s) damaged (their bytes no longer match their hash), rendered again: ${damaged.slice(0, 5).join(', ')}`,
    );
  const total = options.specs.length;

  const missing = findMissingGlyphs(options.specs);
  if (missing.size) {
    warn(
      `cards: ${missing.size} character(s) not in NotoSansSC, drawn as boxes: ${[...missing]
        .slice(0, 20)
        .map(([ch, page]) => `${JSON.stringify(ch)} (${page})`)
        .join(', ')}`,
    );
  }

  // Reuse: place cached pictures at every page that shows them (hard links; kept when already there).
  let reusedFiles = 0;
  const made = new Set<string>();
  for (const entry of plan.reuse) {
    const from = cachePath(options.cacheDir, entry.key);
    for (const spec of entry.specs) {
      placeFile(from, outPath(options.outDir, spec), made);
      reusedFiles++;
    }
  }

  // Render the rest.
  const toRender = plan.render.length;
  if (toRender > 0 && options.memoryMb === undefined) releaseMemory(); // before measuring what the workers may have
  const workers = workerCount(toRender, options);
  log(
    `cards: ${total} pages, ${plan.reuse.length + plan.render.length} distinct; ${plan.reuse.length} reused from cache, ${toRender} to render on ${workers} worker(s)`,
  );
  let renderedFiles = 0;
  const cpuTimes: number[] = [];
  const renderStarted = performance.now();
  if (toRender > 0) {
    templateContext(); // parse metrics before the clock matters and before workers compete for CPU
    let cursor = 0;
    let done = 0;
    let lastLog = performance.now();
    let firstDone = 0;
    const next = (): RenderJob | null => {
      if (cursor >= toRender) return null;
      const entry: PlannedCard = plan.render[cursor];
      const job: RenderJob = {
        id: cursor++,
        tree: buildTree(entry.specs[0]),
        cachePath: cachePath(options.cacheDir, entry.key),
        outPaths: entry.specs.map((s) => outPath(options.outDir, s)),
      };
      return job;
    };
    await renderInWorkers(
      workers,
      next,
      rendererOptions(),
      (result) => {
        if (!result.ok) return;
        done++;
        if (result.cpuMs !== undefined) cpuTimes.push(result.cpuMs);
        renderedFiles += plan.render[result.id].specs.length;
        const now = performance.now();
        // The rate counts from the first finished card: workers spend their first second loading fonts,
        // and an ETA from that would be far too long.
        if (done === 1) firstDone = now;
        if (now - lastLog > PROGRESS_EVERY_MS && done < toRender && done > 1) {
          lastLog = now;
          log(progressLine(done, toRender, (now - firstDone) / 1000, done - 1));
        }
      },
      workerPath(options.root),
    );
  }
  const renderSeconds = (performance.now() - renderStarted) / 1000;

  // Cards of pages this build no longer has (the site folder is kept between builds).
  const published = new Set(options.specs.map((spec) => outPath(options.outDir, spec)));
  const cardsDir = join(options.outDir, 'cards');
  const stale = pruneFolder(cardsDir, (file) => published.has(join(cardsDir, file)));
  if (stale) log(`cards: removed ${stale} card(s) of pages that are gone`);

  const pruned = options.prune === false ? 0 : pruneCache(options.cacheDir, new Set([...plan.render, ...plan.reuse].map((e) => e.key)));
  const seconds = (performance.now() - started) / 1000;
  const summary: RunSummary = {
    total,
    distinct: plan.render.length + plan.reuse.length,
    rendered: toRender,
    reused: plan.reuse.length,
    pruned,
    workers,
    seconds: Math.round(seconds * 1000) / 1000,
    renderRate: toRender > 0 ? Math.round((toRender / renderSeconds) * 10) / 10 : 0,
    cpuMsPerCard: cpuTimes.length ? round1(cpuTimes.reduce((a, b) => a + b, 0) / cpuTimes.length) : null,
    cpuMsPerCardMedian: cpuTimes.length ? round1(median(cpuTimes)) : null,
    cores: availableParallelism(),
    versions,
    finishedAt: new Date().toISOString(),
  };
  writeLastRun(options.cacheDir, summary);
  log(
    `cards: wrote ${renderedFiles + reusedFiles} PNG(s) in ${formatDuration(seconds)} · rendered ${toRender}${toRender ? ` (${summary.renderRate}/s; CPU per card ${summary.cpuMsPerCardMedian} ms median, ${summary.cpuMsPerCard} ms mean with font loading)` : ''} · reused ${plan.reuse.length} · pruned ${pruned}`,
  );
  return summary;
}
