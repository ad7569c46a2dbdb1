// The search stage, run after the Astro build beside the PDF reports (src/cli/outputs.ts): index the
// portal with Pagefind (extended binary, Chinese segmentation) into dist/pagefind/, in shards
// (shards.ts) cached by their records, so a rebuild indexes again only the shards whose records
// changed. Records come from the model (records.ts); each shard also gets its deadline file
// (deadline-order.ts).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { cacheRoot, settings, type Settings } from '../../config';
import type { Portal } from '../../portal/types';
import { placeFile } from '../../build/place.mjs';
import { BACKDATE_MS, fileIsAsRecorded, fileStamp, settleFile, sha256 } from '../../build/cache-entry.mjs';
import { releaseMemory } from '../../build/pool/memory';
import { listFiles, pruneFolder, replaceFile } from '../../build/site-files';
import type { StageContext, StageLogger } from '../../build/stage';
import { DEADLINES_FILE, deadlineFile, sortDate } from './deadline-order';
import { searchRecords, type SearchRecord } from './records';
import {
  bundleTransferMb,
  partitionRecords,
  shardFolder,
  shardIndexingMb,
  shardKey,
  shardRecordLimit,
  SHARDS_MANIFEST,
  type ShardsManifest,
} from './shards';

/** Records sent to pagefind at once. */
const ADD_BATCH = 500;

/** The Pagefind that writes the index (its package exports no package.json: read it beside the entry). */
let version: string | undefined;
function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  return (version ??= (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version);
}

/** Where built shards are kept: one folder per shard key. */
export const searchCacheDir = (root: string, s: Pick<Settings, 'cacheDir'> = settings()) => join(cacheRoot(root, s), 'search');

/** One file of a shard's bundle: its path inside the shard's folder, and its bytes. */
interface ShardFile {
  path: string;
  content: Uint8Array;
}

/**
 * One shard's Pagefind bundle, indexed by a Pagefind process of its own, with its deadline file, as
 * files in memory: the bytes Pagefind would write, without its writing them. At 10,000 tasks (6,215
 * records) Pagefind wrote its 6,419 files in 9.0 s; getting them and writing them here took 5.7 s, and
 * on a rebuild all but a few dozen are already on disk from the last build and are linked instead.
 */
async function indexShard(records: readonly SearchRecord[], log: StageLogger['info']): Promise<ShardFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Records go to the pagefind process in batches: one round trip per record would leave both
    // processes waiting on each other (measured at 10,000 tasks: 20 s one by one, 8 s in batches).
    for (let i = 0; i < records.length; i += ADD_BATCH) {
      const batch = records.slice(i, i + ADD_BATCH);
      const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      results.forEach((res, j) => {
        if (res.errors.length) throw new Error(`pagefind: ${batch[j]!.url}: ${res.errors.join('; ')}`);
      });
      const done = Math.min(i + ADD_BATCH, records.length);
      if (Math.floor(done / 2000) > Math.floor(i / 2000)) log(`  ${done}/${records.length} records`);
    }
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(`pagefind: ${got.errors.join('; ')}`);
    const files = got.files.map((f) => ({ path: bundlePath(f.path), content: f.content }));
    return [...files, deadlines(records, files)];
  } finally {
    // Ending the process gives its memory back before the next shard: Pagefind keeps what it allocated.
    await pagefind.close();
  }
}

/** A path Pagefind gives a file of its bundle, checked to stay inside the shard's folder. */
export function bundlePath(path: string): string {
  const clean = path.replace(/^\/+/, '');
  if (clean === '' || clean.split(/[\\/]/).includes('..')) throw new Error(`pagefind: a file of the bundle is named "${path}"`);
  return clean;
}

/** Pagefind's files are gzip with a signature in front of the payload. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The URL a Pagefind fragment file is the page of. */
export function fragmentUrl(file: Uint8Array, name = 'fragment'): string {
  const text = gunzipSync(file).toString('utf8');
  if (!text.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`pagefind: ${name} does not start with "${PAGEFIND_SIGNATURE}"`);
  const url = (JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as { url?: unknown }).url;
  if (typeof url !== 'string') throw new Error(`pagefind: ${name} has no url`);
  return url;
}

/**
 * The shard's deadline file (deadline-order.ts), beside its index: Pagefind names each page's
 * fragment by the page id its results carry, and the fragment says the page's URL.
 */
function deadlines(records: readonly SearchRecord[], files: readonly ShardFile[]): ShardFile {
  const dateOf = new Map(records.map((r) => [r.url, sortDate(r.meta)]));
  const pages = files
    .filter((f) => f.path.startsWith('fragment/') && f.path.endsWith('.pf_fragment'))
    .map((f) => {
      const url = fragmentUrl(f.content, f.path);
      if (!dateOf.has(url)) throw new Error(`pagefind: ${f.path} is the page of ${url}, which is not a record of this shard`);
      return { id: basename(f.path, '.pf_fragment'), date: dateOf.get(url)! };
    });
  if (pages.length !== records.length) throw new Error(`pagefind: the bundle holds ${pages.length} pages for ${records.length} records`);
  return { path: DEADLINES_FILE, content: Buffer.from(JSON.stringify(deadlineFile(pages))) };
}

/**
 * A shard's bundle from the cache folder `dir`, else built into it (written aside, then renamed into
 * place). `published` is the folder where the site holds this shard's files from the last build: a
 * file of the new bundle with the same bytes (most fragments, when one task changed) is not written
 * but linked to the one there, keeping its time, so publishing links it rather than copying it again
 * (src/build/publish.ts). At 10,000 tasks one status report re-indexes about 6,400 files, of which
 * all but a few dozen are the same.
 */
async function cachedShard(
  records: readonly SearchRecord[],
  dir: string,
  published: string,
  logger: StageLogger,
): Promise<{ dir: string; built: boolean }> {
  const state = shardState(dir);
  if (state === 'whole') return { dir, built: false };
  if (state === 'damaged') logger.warn(`search: the cached shard ${dir} was damaged (a file no longer matches its hash); indexed again`);
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const files = await indexShard(records, logger.info);
  const hashes: Record<string, string> = {};
  for (const folder of new Set(files.map((f) => dirname(join(partial, f.path))))) mkdirSync(folder, { recursive: true });
  for (const { path, content } of files) {
    const file = join(partial, path);
    const hash = sha256(content);
    hashes[path] = `${hash} ${keepEarlierCopy(file, join(published, path), content) ? fileStamp(file) : writeSettled(file, content)}`;
  }
  writeFileSync(join(partial, SHARD_HASHES), JSON.stringify(hashes));
  renameSync(partial, dir);
  return { dir, built: true };
}

/**
 * Makes `file` a hard link to `earlier` when `earlier` holds the same bytes (`content`) and its time is
 * far enough back that the stamp taken now vouches for it (src/build/cache-entry.mjs).
 */
function keepEarlierCopy(file: string, earlier: string, content: Uint8Array): boolean {
  try {
    const st = statSync(earlier);
    if (st.size !== content.length || st.mtimeMs > Date.now() - BACKDATE_MS) return false;
    if (!readFileSync(earlier).equals(content)) return false;
    linkSync(earlier, file);
    return true;
  } catch {
    return false; // not there, or on another file system
  }
}

/** Writes a new file of a shard and returns its stamp. */
function writeSettled(file: string, content: Uint8Array): string {
  writeFileSync(file, content);
  return settleFile(file);
}

/**
 * The hashes and stamps of a cached shard's files (src/build/cache-entry.mjs), written when it was
 * indexed and checked before it is reused: a file is hashed again only when its stamp moved.
 */
const SHARD_HASHES = 'qingdan-shard-hashes.json';

/** Whether a cached shard is there with every file as indexed ('whole'), not there, or damaged. */
function shardState(dir: string): 'whole' | 'missing' | 'damaged' {
  if (!existsSync(dir)) return 'missing';
  let hashes: Record<string, string>;
  try {
    hashes = JSON.parse(readFileSync(join(dir, SHARD_HASHES), 'utf8')) as Record<string, string>;
  } catch {
    return 'damaged';
  }
  const files = listFiles(dir).filter((f) => f !== SHARD_HASHES);
  if (files.length !== Object.keys(hashes).length) return 'damaged';
  for (const f of files) {
    const [hash = '', ...stamp] = (hashes[f] ?? '').split(' ');
    if (!fileIsAsRecorded(join(dir, f), hash, stamp.join(' '))) return 'damaged';
  }
  return 'whole';
}

export interface SearchPlan {
  /** What indexing the shards the cache lacks may hold at once, MB (0 when none): the Pagefind process, and its bundle here. */
  indexingMb: number;
  /** Indexes what the cache lacks and publishes every shard. */
  run(): Promise<void>;
}

/**
 * The search index's records and shards, and what indexing them will take: the outputs step holds
 * that much memory aside while it builds the index beside the PDF reports (src/cli/outputs.ts).
 */
export function planSearch(portal: Portal, ctx: StageContext, s: Settings = settings()): SearchPlan {
  const started = Date.now();
  const records = searchRecords(portal);
  const shards = partitionRecords(records, shardRecordLimit(s));
  // A build split across machines indexes its own shards only (src/build/shard.ts); each keeps its number.
  const numbered = shards.map((shard, n) => ({ shard, n }));
  const mine = ctx.slice ? ctx.slice.take('search', numbered, ({ n }) => String(n)) : numbered;
  const cacheDir = searchCacheDir(ctx.root, s);
  const dirs = mine.map(({ shard }) => join(cacheDir, shardKey(shard, pagefindVersion())));
  const missing = mine.filter((_, i) => !existsSync(dirs[i]!));
  return {
    indexingMb: Math.max(0, ...missing.map(({ shard }) => shardIndexingMb(shard.length) + bundleTransferMb(shard.length))),
    run: () => publishShards(records, shards.length, mine, dirs, cacheDir, ctx, started),
  };
}

export async function searchStage(portal: Portal, ctx: StageContext, s: Settings = settings()): Promise<void> {
  await planSearch(portal, ctx, s).run();
}

async function publishShards(
  records: SearchRecord[],
  count: number,
  shards: { shard: SearchRecord[]; n: number }[],
  dirs: string[],
  cacheDir: string,
  ctx: StageContext,
  started: number,
): Promise<void> {
  const logger = ctx.logger('qingdan-search');
  releaseMemory(); // Pagefind processes start beside this one: hand back what earlier stages left
  mkdirSync(cacheDir, { recursive: true });
  const out = join(ctx.outDir, 'pagefind');
  const published = new Set<string>();
  const used = new Set<string>();
  const made = new Set<string>();
  let built = 0;
  // The shards to index first: Pagefind starts before the cached ones are checked and placed.
  const order = [...shards.keys()].sort((a, b) => Number(existsSync(dirs[a]!)) - Number(existsSync(dirs[b]!)));
  for (const i of order) {
    const { shard, n } = shards[i]!;
    const shardStarted = Date.now();
    const folder = shardFolder(n);
    const entry = await cachedShard(shard, dirs[i]!, join(out, folder), logger);
    used.add(entry.dir);
    for (const file of listFiles(entry.dir).filter((f) => f !== SHARD_HASHES)) {
      placeFile(join(entry.dir, file), join(out, folder, file), made);
      published.add(folder + file);
    }
    if (entry.built) {
      built++;
      logger.info(
        `search shard ${n + 1}/${count}: ${shard.length} records indexed in ${((Date.now() - shardStarted) / 1000).toFixed(1)} s`,
      );
    }
  }
  const manifest: ShardsManifest = { shards: Array.from({ length: Math.max(0, count - 1) }, (_, i) => `/pagefind/${shardFolder(i + 1)}`) };
  // The file in place may be a hard link into another site folder: replaced, not written through.
  replaceFile(join(out, SHARDS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  published.add(SHARDS_MANIFEST);
  pruneFolder(out, (file) => published.has(file));
  // Only the current shards are kept: an older one comes back only if the same records do.
  for (const name of readdirSync(cacheDir))
    if (!used.has(join(cacheDir, name))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  logger.info(
    `search: ${records.length} records in ${count} shard${count === 1 ? '' : 's'}${shards.length === count ? '' : ` (${shards.length} of them in this slice)`} (${built} indexed, ${shards.length - built} from cache) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
