// `npm run build`, second step: after `astro build` wrote the pages, write the open data files, the
// cards, the PDF reports and the search index (src/outputs/), then mark the site folder as complete.
// A process of its own, so the Astro build's memory is given back before these stages start their
// workers.
import { getPortal } from '../portal/get-portal';
import { ContentError, SourceError, SourceErrors } from '../domain/source-error';
import { cardsStage } from '../outputs/cards/stage';
import { dataStage } from '../outputs/data/stage';
import { pdfStage } from '../outputs/pdf/stage';
import { templatesStage } from '../outputs/templates/stage';
import { configuredMemoryMb, HeldMemory } from '../build/pool/memory';
import { shardRecordLimit } from '../outputs/search/shards';
import { planSearch } from '../outputs/search/stage';
import { finishSiteDir } from '../build/site-dir/integration';
import { consoleLogger, readHandoff, type StageContext } from '../build/stage';
import { contentVersion, shardLabel, WorkSlice, writeSliceManifest } from '../build/shard';
import { settings } from '../config';
import { blockingWrites } from '../build/whole-log/whole-log';

async function main(): Promise<number> {
  blockingWrites(); // the process ends with process.exit(): no error or progress line may be dropped
  // A bad setting fails here, not after the cards and PDFs.
  configuredMemoryMb();
  shardRecordLimit();
  const handoff = readHandoff(process.cwd());
  // `--shard I/N`: cards, PDFs and search shards of this slice only (src/build/shard.ts).
  const { shard } = settings();
  const slice = new WorkSlice(shard);
  const ctx: StageContext = { outDir: handoff.outDir, root: handoff.root, site: handoff.site, logger: consoleLogger, slice };
  const started = performance.now();
  const portal = await getPortal();
  dataStage(portal, ctx);
  await templatesStage(portal, ctx);
  await cardsStage(portal, ctx);
  // The search index builds beside the PDF reports: Pagefind indexes in a process of its own while
  // the reports render in theirs, so a rebuild that changes a little waits for the longer of the two,
  // not both. The renders leave free what indexing may hold until it is done.
  const search = planSearch(portal, ctx);
  const held = new HeldMemory();
  const release = held.hold(search.indexingMb);
  const searching = search.run().finally(release);
  await Promise.all([pdfStage(portal, ctx, { held }), searching]);
  finishSiteDir(handoff);
  if (shard) {
    const version = contentVersion(handoff.root, settings(), { searchShardRecords: shardRecordLimit() });
    const { made, items } = slice;
    writeSliceManifest(handoff.outDir, { version, buildDate: settings().buildDate, shard, items, made });
    consoleLogger('qingdan').info(`slice ${shardLabel(shard)}: ${made.length} of ${items.length} work items, content version ${version}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`[qingdan:phase] outputs ${seconds}s`); // for the benchmark, like ingest and join
  consoleLogger('qingdan').info(`data files, cards, reports and search index written in ${seconds} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const errors = e instanceof SourceErrors ? e.errors : e instanceof ContentError ? e.sourceErrors : null;
    if (errors) for (const err of errors) console.error(`error: ${err.message}`);
    else console.error(e instanceof SourceError ? `error: ${e.message}` : e);
    process.exit(1);
  },
);
