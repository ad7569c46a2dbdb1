// The PDF stage, run after the Astro build (src/cli/outputs.ts): the annual reports in dist/reports/**
// at the paths src/domain/urls.ts gives (regionReportUrl, documentReportUrl), rendering only what changed.
import type { Portal } from '../../portal/types';
import type { HeldMemory } from '../../build/pool/memory';
import type { StageContext } from '../../build/stage';
import { PdfCache, pdfCacheDir } from './cache';
import { palette } from './palette';
import { buildReports } from './pipeline';
import { reportSpecs } from './report-model';
import { collectTakingTurns } from '../../build/turns';

/** Days an unused cache entry is kept. */
const KEEP_DAYS = 30;

export async function pdfStage(portal: Portal, ctx: StageContext, options: { held?: HeldMemory } = {}): Promise<void> {
  const log = ctx.logger('pdf');
  // Seconds of work at 10,000 tasks: made taking turns, so that the search index building beside this
  // stage (src/cli/outputs.ts) gets its records meanwhile rather than after.
  const every = await collectTakingTurns(reportSpecs(portal, { siteUrl: ctx.site ? ctx.site.replace(/\/+$/, '') : null }));
  const specs = ctx.slice ? ctx.slice.take('pdf', every, (spec) => spec.path) : every;
  const cache = new PdfCache(pdfCacheDir(ctx.root));
  log.info(`${specs.length} reports to write`);
  await buildReports({
    specs,
    root: ctx.root,
    outDir: ctx.outDir,
    cache,
    palette,
    generatedOn: portal.generatedOn,
    log: log.info,
    warn: log.warn,
    held: options.held,
  });
  const pruned = cache.prune(KEEP_DAYS);
  if (pruned) log.info(`pruned ${pruned} cache entries unused for ${KEEP_DAYS} days`);
}
