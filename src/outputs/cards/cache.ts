// Content-addressed card cache. A card's key hashes exactly what it draws (the spec minus where it
// is written) plus the template and font versions, so a rebuild renders only cards whose picture
// changed and copies the rest. The folder survives builds: $QINGDAN_CACHE_DIR/cards (the variable
// names the cache root shared with the PDF stage), else the configured folder, else
// <root>/.cache/qingdan/cards.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { entrySize } from '../../build/cache-entry.mjs';
import { join, resolve } from 'node:path';
import { cacheRoot, settings, type Settings } from '../../config.ts';
import type { CardSpec } from './card-model.ts';
import { canonicalJson } from '../../build/canonical-json.ts';

/** $QINGDAN_CACHE_DIR/cards, else a configured folder (relative to root), else <root>/.cache/qingdan/cards. */
export function resolveCacheDir(root: string, configured?: string, s: Pick<Settings, 'cacheDir'> = settings()): string {
  if (!s.cacheDir && configured) return resolve(root, configured);
  return join(cacheRoot(root, s), 'cards');
}

export interface Versions {
  template: string;
  font: string;
}

/** What the card shows: the spec without its paths (two pages drawing the same card share one PNG). */
export function drawnContent(spec: CardSpec): Omit<CardSpec, 'path' | 'pagePath'> {
  const { path: _path, pagePath: _pagePath, ...drawn } = spec;
  return drawn;
}

export function cardKey(spec: CardSpec, versions: Versions): string {
  return createHash('sha256')
    .update(`template ${versions.template}\nfont ${versions.font}\n`)
    .update(canonicalJson(drawnContent(spec)))
    .digest('hex')
    .slice(0, 32);
}

/** Two-level layout keeps directories small with tens of thousands of cards. */
export function cachePath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.png`);
}

export interface PlannedCard {
  key: string;
  /** Output files (dist paths) that show this picture. */
  specs: CardSpec[];
}

export interface CardPlan {
  render: PlannedCard[];
  reuse: PlannedCard[];
}

/** Split specs into pictures to render and pictures the cache already has; equal pictures are grouped. */
export function planCards(specs: readonly CardSpec[], versions: Versions, has: (key: string) => boolean): CardPlan {
  const byKey = new Map<string, PlannedCard>();
  for (const spec of specs) {
    const key = cardKey(spec, versions);
    const entry = byKey.get(key);
    if (entry) entry.specs.push(spec);
    else byKey.set(key, { key, specs: [spec] });
  }
  const plan: CardPlan = { render: [], reuse: [] };
  for (const entry of byKey.values()) (has(entry.key) ? plan.reuse : plan.render).push(entry);
  return plan;
}

/**
 * Whether the cache holds a card as written (its stamp or hash: src/build/cache-entry.mjs); a damaged
 * one is removed, reported through `onDamaged` and rendered again.
 */
export const diskHas =
  (dir: string, onDamaged: (key: string) => void = () => {}) =>
  (key: string): boolean => {
    const size = entrySize(cachePath(dir, key));
    if (size === 'damaged') onDamaged(key);
    return typeof size !== 'string';
  };

/**
 * Delete cached cards no page uses any more (old statuses, old template or font versions), so the
 * cache stays the size of one build. Returns how many files went.
 */
export function pruneCache(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const shard of readdirSync(dir, { withFileTypes: true })) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    const folder = join(dir, shard.name);
    for (const file of readdirSync(folder)) {
      const key = file.replace(/\.png(\.sha256)?$/, '');
      // Leftover temp files of an interrupted run go too.
      if (/\.png(\.sha256)?$/.test(file) && keep.has(key)) continue;
      rmSync(join(folder, file), { force: true });
      if (!file.endsWith('.sha256')) removed++; // an entry's hash file goes with it, uncounted
    }
  }
  return removed;
}

export interface RunSummary {
  total: number;
  /** Distinct pictures (equal cards are rendered once). */
  distinct: number;
  rendered: number;
  reused: number;
  pruned: number;
  workers: number;
  seconds: number;
  /** Rendered cards per second of rendering, wall clock (0 when nothing was rendered). */
  renderRate: number;
  /** Mean CPU time of one render in its worker thread, ms, each worker's font loading included (null when nothing was rendered). */
  cpuMsPerCard: number | null;
  /** Median of the same: the warm cost of a card, font loading excluded. */
  cpuMsPerCardMedian: number | null;
  /** Cores the machine offers. */
  cores: number;
  versions: Versions;
  finishedAt: string;
}

export function writeLastRun(dir: string, summary: RunSummary): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'last-run.json');
  writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  return file;
}
