// The search index in shards: Pagefind holds every record of an index in memory while it writes it
// (measured: about 130 KB per record, 1.6 GB for the 11,943 records of 10,000 tasks, 6 GB for 50,000
// tasks), and must index everything again when one record changes. Shards of a few thousand records
// each are built one after another, each by a Pagefind process of its own, and cached by their
// records: memory stays that of the largest shard, and a status report re-indexes one shard.
// The search page merges them (Pagefind's mergeIndex); see client.ts.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import type { SearchRecord } from './records';
export { SHARDS_MANIFEST, type ShardsManifest } from './shards-manifest';

/**
 * Records per shard, at most on average. Measured at 10,000 tasks (11,943 records): shards of 6,000
 * peak at 1.18 GB with the process that feeds them (4,000: 0.93 GB), and a reader's first query
 * downloads a median 316 KB from 2 shards against 357 KB from 3: each shard adds its index chunks
 * for every word of the query. Pagefind's metadata grows with the pages, however they are split.
 */
export const DEFAULT_SHARD_RECORDS = 6000;

/**
 * What the Pagefind process may hold while it indexes one record, MB. Measured at 10,000 tasks: 806 MB
 * at its peak for a shard of 6,215 records (0.13 MB each), while it writes the index.
 */
export const PAGEFIND_MB_PER_RECORD = 0.14;

/** What indexing a shard of `records` records may hold beside the build process, MB. */
export function shardIndexingMb(records: number): number {
  return Math.ceil(64 + records * PAGEFIND_MB_PER_RECORD);
}

/** QINGDAN_SEARCH_SHARD_RECORDS, else DEFAULT_SHARD_RECORDS. */
export function shardRecordLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.QINGDAN_SEARCH_SHARD_RECORDS?.trim();
  if (!raw) return DEFAULT_SHARD_RECORDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`QINGDAN_SEARCH_SHARD_RECORDS: expected a whole number of records of 1 or more, got "${raw}"`);
  return n;
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
const SHARD_FILES = 'qingdan shard 2: deadline file';

/** Cache key of a shard's folder: its records, the Pagefind version that writes it, and ours. */
export function shardKey(records: readonly SearchRecord[], pagefindVersion: string): string {
  return createHash('sha256').update(`pagefind ${pagefindVersion}\n${SHARD_FILES}\n`).update(canonicalJson(records)).digest('hex').slice(0, 32);
}

/** Folder of shard `i` under the site's pagefind/ folder: the first is the primary index itself. */
export function shardFolder(i: number): string {
  return i === 0 ? '' : `s${i}/`;
}
