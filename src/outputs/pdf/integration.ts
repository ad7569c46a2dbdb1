// Astro integration: after the pages are built, write the PDF annual reports to dist/reports/** at the
// paths src/model/urls.ts gives (regionReportUrl, documentReportUrl), rendering only what changed.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Static imports: the config's module runner is closed by the time build hooks run, so a dynamic
// import() there fails. getPortal() itself is lazy: importing it reads no content.
import { getPortal } from '../../model/portal';
import { PdfCache, pdfCacheDir } from './cache';
import { palette } from './palette';
import { buildReports } from './pipeline';
import { reportsForPortal } from './report-model';

/** Today in China (the readers' calendar), or SOURCE_DATE_EPOCH for reproducible builds. */
export function renderDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const at = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface PdfIntegrationOptions {
  /** Cache folder; default $QINGDAN_CACHE_DIR/pdf or .cache/qingdan/pdf under the project root. */
  cacheDir?: string;
  /** Days an unused cache entry is kept. */
  keepDays?: number;
}

export default function pdfReports(options: PdfIntegrationOptions = {}): AstroIntegration {
  let root = process.cwd();
  let site: string | null = null;
  return {
    name: 'qingdan:pdf-reports',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ? config.site.replace(/\/+$/, '') : null;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('pdf');
        const portal = await getPortal();
        const specs = reportsForPortal(portal, { siteUrl: site });
        const cache = new PdfCache(options.cacheDir ?? pdfCacheDir(root));
        log.info(`${specs.length} reports to write`);
        await buildReports({
          specs,
          root,
          outDir: fileURLToPath(dir),
          cache,
          palette,
          generatedOn: renderDate(),
          log: (line) => log.info(line),
          warn: (line) => log.warn(line),
        });
        const pruned = cache.prune(options.keepDays ?? 30);
        if (pruned) log.info(`pruned ${pruned} cache entries unused for ${options.keepDays ?? 30} days`);
      },
    },
  };
}
