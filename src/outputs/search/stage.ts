// The search stage, run after the Astro build (src/cli/outputs.ts): index the portal with Pagefind
// (extended binary, Chinese segmentation) into dist/pagefind/, in shards (shards.ts) cached by their
// records, so a rebuild indexes again only the shards whose records changed. Records come from the
// model (records.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { cacheRoot } from '../../model/cache-root';
import type { Portal } from '../../model/portal-types';
import { placeFile } from '../place.mjs';
import { releaseMemory } from '../pool';
import { listFiles, pruneFolder } from '../site-files';
import type { StageContext, StageLogger } from '../stage';
import { searchRecords, type SearchRecord } from './records';
import { partitionRecords, shardFolder, shardKey, shardRecordLimit, SHARDS_MANIFEST, type ShardsManifest } from './shards';

/** Records sent to pagefind at once. */
const ADD_BATCH = 500;

/** The Pagefind that writes the index (its package exports no package.json: read it beside the entry). */
let version: string | undefined;
function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  return (version ??= (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version);
}

/** Where built shards are kept: one folder per shard key. */
export const searchCacheDir = (root: string, env: NodeJS.ProcessEnv = process.env) => join(cacheRoot(root, env), 'search');

/** Writes one shard's Pagefind bundle into `dir`, with a Pagefind process of its own. */
async function indexShard(records: readonly SearchRecord[], dir: string, log: StageLogger['info']): Promise<void> {
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
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    // Ending the process gives its memory back before the next shard: Pagefind keeps what it allocated.
    await pagefind.close();
  }
}

/** A shard's bundle from the cache, else built into it (written aside, then renamed into place). */
async function cachedShard(records: readonly SearchRecord[], cacheDir: string, log: StageLogger['info']): Promise<{ dir: string; built: boolean }> {
  const dir = join(cacheDir, shardKey(records, pagefindVersion()));
  if (existsSync(dir)) return { dir, built: false };
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  await indexShard(records, partial, log);
  renameSync(partial, dir);
  return { dir, built: true };
}

export async function searchStage(portal: Portal, ctx: StageContext, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = ctx.logger('qingdan-search');
  const started = Date.now();
  const records = searchRecords(portal);
  const shards = partitionRecords(records, shardRecordLimit(env));
  releaseMemory(); // Pagefind processes start beside this one: hand back what earlier stages left
  const cacheDir = searchCacheDir(ctx.root, env);
  mkdirSync(cacheDir, { recursive: true });
  const out = join(ctx.outDir, 'pagefind');
  const published = new Set<string>();
  const used = new Set<string>();
  const made = new Set<string>();
  let built = 0;
  for (const [i, shard] of shards.entries()) {
    const shardStarted = Date.now();
    const entry = await cachedShard(shard, cacheDir, logger.info);
    used.add(entry.dir);
    const folder = shardFolder(i);
    for (const file of listFiles(entry.dir)) {
      placeFile(join(entry.dir, file), join(out, folder, file), made);
      published.add(folder + file);
    }
    if (entry.built) {
      built++;
      logger.info(`search shard ${i + 1}/${shards.length}: ${shard.length} records indexed in ${((Date.now() - shardStarted) / 1000).toFixed(1)} s`);
    }
  }
  const manifest: ShardsManifest = { shards: shards.slice(1).map((_, i) => `/pagefind/${shardFolder(i + 1)}`) };
  // Written aside and renamed: the file in place may be a hard link into another site folder.
  const manifestFile = join(out, SHARDS_MANIFEST);
  mkdirSync(out, { recursive: true });
  writeFileSync(`${manifestFile}.${process.pid}`, `${JSON.stringify(manifest)}\n`);
  renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  published.add(SHARDS_MANIFEST);
  pruneFolder(out, (file) => published.has(file));
  // Only the current shards are kept: an older one comes back only if the same records do.
  for (const name of readdirSync(cacheDir)) if (!used.has(join(cacheDir, name))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  logger.info(
    `search: ${records.length} records in ${shards.length} shard${shards.length === 1 ? '' : 's'} (${built} indexed, ${shards.length - built} from cache) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
