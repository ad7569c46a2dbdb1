// The PDF stage, run after the Astro build (src/cli/outputs.ts): the annual reports in dist/reports/**
// at the paths src/model/urls.ts gives (regionReportUrl, documentReportUrl), rendering only what changed.
import type { Portal } from '../../model/portal-types';
import type { HeldMemory } from '../pool';
import type { StageContext } from '../stage';
import { PdfCache, pdfCacheDir } from './cache';
import { palette } from './palette';
import { buildReports } from './pipeline';
import { reportsForPortal } from './report-model';

/** Days an unused cache entry is kept. */
const KEEP_DAYS = 30;

/** Today in China (the readers' calendar), or SOURCE_DATE_EPOCH for reproducible builds. */
export function renderDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const at = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export async function pdfStage(portal: Portal, ctx: StageContext, options: { held?: HeldMemory } = {}): Promise<void> {
  const log = ctx.logger('pdf');
  const specs = reportsForPortal(portal, { siteUrl: ctx.site ? ctx.site.replace(/\/+$/, '') : null });
  const cache = new PdfCache(pdfCacheDir(ctx.root));
  log.info(`${specs.length} reports to write`);
  await buildReports({ specs, root: ctx.root, outDir: ctx.outDir, cache, palette, generatedOn: renderDate(), log: log.info, warn: log.warn, held: options.held });
  const pruned = cache.prune(KEEP_DAYS);
  if (pruned) log.info(`pruned ${pruned} cache entries unused for ${KEEP_DAYS} days`);
}
