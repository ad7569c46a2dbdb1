// Loads the portal the way the build does (QINGDAN_CONTENT_DIR → ingest, registry, status, join)
// in a process of its own, and prints one JSON line of timings. bench/run.ts reports it as the
// "ingest" and "join" phases when the build does not report them itself.
import { buildPortal } from '../src/portal/portal.ts';
import { loadSources } from '../src/sources/index.ts';

const t0 = performance.now();
const sources = await loadSources();
const t1 = performance.now();
const portal = buildPortal(sources);
const t2 = performance.now();
console.log(
  JSON.stringify({
    ingest_s: (t1 - t0) / 1000,
    join_s: (t2 - t1) / 1000,
    documents: sources.documents.length,
    tasks: portal.tasks.length,
    reports: sources.reports.length,
    departments: portal.departments.length,
    regions: portal.regions.length,
  }),
);
