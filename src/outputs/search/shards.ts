// The search index in shards: Pagefind holds every record of an index in memory while it writes it
// (measured: about 145 KB per record, 1.8 GB for the 11,943 records of 10,000 tasks, 6 GB for 50,000
// tasks), and must index everything again when one record changes. Shards as large as the memory
// bound allows are built one after another, each by a Pagefind process of its own, and cached by
// their records: memory stays that of the largest shard, and a status report re-indexes one shard.
// The search page merges them (Pagefind's mergeIndex); see client.ts.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../build/canonical-json';
import { configuredMemoryMb } from '../../build/pool/memory';
import { settings, type Settings } from '../../config';
import type { SearchRecord } from './records';
export { SHARDS_MANIFEST, type ShardsManifest } from './shards-manifest';

/**
 * What the Pagefind process may hold while it indexes one record, MB, and what it holds for none.
 * Measured at 10,000 tasks, at its peak while it writes the index: 806 MB for a shard of 6,215
 * records, 1,756 MB for one of 11,943.
 */
export const PAGEFIND_MB_PER_RECORD = 0.145;
const PAGEFIND_BASE_MB = 64;

/** What indexing a shard of `records` records may hold beside the build process, MB. */
export function shardIndexingMb(records: number): number {
  return Math.ceil(PAGEFIND_BASE_MB + records * PAGEFIND_MB_PER_RECORD);
}

/**
 * What the build process itself holds while a shard's bundle comes over from Pagefind (stage.ts gets
 * the files rather than having Pagefind write them), MB: measured 73 MB for a shard of 6,215 records
 * (10 MB of files, sent as base64 inside base64), 118 MB for one of 11,943. Given back once they are
 * written; not part of a shard's size, which Pagefind's own peak decides.
 */
const BUNDLE_MB_PER_RECORD = 0.012;
export function bundleTransferMb(records: number): number {
  return Math.ceil(records * BUNDLE_MB_PER_RECORD);
}

/**
 * Share of the build's memory bound one Pagefind process may take. The rest is for the build process
 * (it holds the portal: about 0.4 GB at 10,000 tasks, 1.4 GB at 50,000) and a PDF render beside it
 * (the largest took 838 MB at 50,000 tasks).
 */
export const SHARD_MEMORY_SHARE = 0.5;

/**
 * Records per shard, at most on average, for a build bound to `memoryMb`: as many as Pagefind may
 * index within SHARD_MEMORY_SHARE of it, in whole 500s. Shards are as large as memory allows, because
 * a reader's query downloads one index chunk (14-21 KB at 10,000 tasks) for every word it splits into
 * from every shard, and waits for each. At the default 2 GB that is 6,000 records (2 shards at 10,000
 * tasks: a first query downloads a median 316 KB, against 357 KB from 3); at 4 GB, 12,500.
 */
export function shardRecordsFor(memoryMb: number): number {
  const records = (memoryMb * SHARD_MEMORY_SHARE - PAGEFIND_BASE_MB) / PAGEFIND_MB_PER_RECORD;
  return Math.max(500, Math.floor(records / 500) * 500);
}

/** QINGDAN_SEARCH_SHARD_RECORDS, else what the configured memory bound allows (shardRecordsFor). */
export function shardRecordLimit(s: Pick<Settings, 'searchShardRecords' | 'memoryMb'> = settings()): number {
  return s.searchShardRecords ?? shardRecordsFor(configuredMemoryMb(s));
}

/**
 * What keeps records together: a document's page and its tasks (a report changes one document's
 * tasks, so one shard), any other page by itself.
 */
export function shardGroup(record: SearchRecord): string {
  return record.meta.document ?? record.url;
}

function bucket(group: string, count: number): number {
  return createHash('sha1').update(group).digest().readUInt32BE(0) % count;
}

/**
 * Records in shards: as many shards as `limit` asks for, each record placed by a hash of its group,
 * so a shard's records change only when its own documents change (or the shard count does). Keeps
 * the records' order within each shard; drops shards left empty.
 */
export function partitionRecords(records: readonly SearchRecord[], limit: number): SearchRecord[][] {
  const count = Math.max(1, Math.ceil(records.length / limit));
  const shards: SearchRecord[][] = Array.from({ length: count }, () => []);
  for (const r of records) shards[count === 1 ? 0 : bucket(shardGroup(r), count)]!.push(r);
  return shards.filter((s) => s.length > 0);
}

/** What the stage writes into a shard's folder beside Pagefind's bundle: bump when that changes. */
const SHARD_FILES = 'qingdan shard 3: deadline file in id order';

/** Cache key of a shard's folder: its records, the Pagefind version that writes it, and ours. */
export function shardKey(records: readonly SearchRecord[], pagefindVersion: string): string {
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion}\n${SHARD_FILES}\n`)
    .update(canonicalJson(records))
    .digest('hex')
    .slice(0, 32);
}

/** Folder of shard `i` under the site's pagefind/ folder: the first is the primary index itself. */
export function shardFolder(i: number): string {
  return i === 0 ? '' : `s${i}/`;
}
