// npm run bench:search-index: the search stage alone (src/outputs/search/stage.ts) on a content root
// (QINGDAN_CONTENT_DIR), into a temporary site folder with an empty cache of its own, then once more
// with that cache; with the peak RSS of this process and its Pagefind children sampled every 250 ms.
// For sizing the search stage at scales where the whole benchmark takes hours (50,000 tasks).
// QINGDAN_SEARCH_SHARD_RECORDS sets the shard size as in a build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../src/config.ts';
import { getPortal } from '../src/portal/get-portal.ts';
import { releaseMemory } from '../src/build/pool/memory.ts';
import { searchRecords } from '../src/outputs/search/records.ts';
import { partitionRecords, shardRecordLimit } from '../src/outputs/search/shards.ts';
import { searchStage } from '../src/outputs/search/stage.ts';
import { consoleLogger, type StageContext } from '../src/build/stage.ts';
import { treeRssBytes } from './proc.ts';

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (a: number, b: number) => Math.round((b - a) / 100) / 10;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(process.pid))), 250);
const work = mkdtempSync(join(tmpdir(), 'qingdan-search-index-'));
const env = readSettings({ ...process.env, QINGDAN_CACHE_DIR: join(work, 'cache') });
try {
  const t0 = performance.now();
  const portal = await getPortal();
  const t1 = performance.now();
  const all = searchRecords(portal);
  const records = all.length;
  const shards = partitionRecords(all, shardRecordLimit(env)).map((s) => s.length);
  releaseMemory();
  const heldMb = mb(process.memoryUsage.rss());
  const ctx: StageContext = { outDir: join(work, 'site'), root: process.cwd(), site: null, logger: consoleLogger };
  peak = 0;
  const t2 = performance.now();
  await searchStage(portal, ctx, env);
  const t3 = performance.now();
  const coldPeak = peak;
  await searchStage(portal, ctx, env);
  const t4 = performance.now();
  console.log(
    JSON.stringify({
      tasks: portal.tasks.length,
      records,
      shards: shards.length,
      largest_shard: Math.max(...shards),
      load_s: seconds(t0, t1),
      // What this process held when the stage started (the portal): part of the peak.
      held_mb: heldMb,
      cold_s: seconds(t2, t3),
      cold_peak_rss_mb: mb(coldPeak),
      cached_s: seconds(t3, t4),
    }),
  );
} finally {
  clearInterval(sampler);
  rmSync(work, { recursive: true, force: true });
}
