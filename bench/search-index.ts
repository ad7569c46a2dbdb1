// npm run bench:search-index: the search stage alone on a content root (QINGDAN_CONTENT_DIR), with the
// peak RSS of this process and its Pagefind child sampled every 250 ms. For sizing the search stage at
// scales where the whole benchmark takes hours (50,000 tasks). Writes the index to a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { getPortal } from '../src/model/portal.ts';
import { searchRecords } from '../src/outputs/search/records.ts';
import { treeRssBytes } from './proc.ts';

const BATCH = 500;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(process.pid))), 250);
const t0 = performance.now();
const portal = await getPortal();
const t1 = performance.now();
const records = searchRecords(portal);
const t2 = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
for (let i = 0; i < records.length; i += BATCH) await Promise.all(records.slice(i, i + BATCH).map((r) => index.addCustomRecord(r)));
const t3 = performance.now();
const out = mkdtempSync(join(tmpdir(), 'qingdan-search-index-'));
await index.writeFiles({ outputPath: out });
const t4 = performance.now();
await pagefind.close();
clearInterval(sampler);
rmSync(out, { recursive: true, force: true });
const s = (a: number, b: number) => Math.round((b - a) / 100) / 10;
console.log(
  JSON.stringify({ tasks: portal.tasks.length, records: records.length, load_s: s(t0, t1), records_s: s(t1, t2), add_s: s(t2, t3), write_s: s(t3, t4), peak_rss_mb: mb(peak) }),
);
