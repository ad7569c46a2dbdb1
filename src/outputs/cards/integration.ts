// Astro integration: after the pages are built, write a social card for every page to dist/cards/.
// Pages reference them with cardUrl() (src/model/urls.ts) as og:image/twitter:image.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
// Static import: the config's module runner is closed by the time build hooks run, so import() there
// fails. getPortal() is lazy: importing it reads no content.
import { getPortal } from '../../model/portal.ts';
import { buildCards } from './build.ts';
import { resolveCacheDir } from './cache.ts';
import { cardsForPortal, type CardSite } from './card-model.ts';

export interface CardsOptions {
  /** Cache folder; $QINGDAN_CACHE_DIR/cards wins, default .cache/qingdan/cards under the project root. */
  cacheDir?: string;
  /** Worker threads; default all cores within the memory bound (QINGDAN_CARD_WORKERS). */
  workers?: number;
  /** Name drawn in the corner and the home card's title. */
  siteName?: string;
  siteTitle?: string;
  siteDescription?: string;
}

export const DEFAULT_SITE_NAME = '清单';
export const DEFAULT_SITE_TITLE = '生态文明任务公开';
export const DEFAULT_SITE_DESCRIPTION = '政府文件里的任务、牵头单位、完成时限与进展';

export default function cardsIntegration(options: CardsOptions = {}): AstroIntegration {
  let root = process.cwd();
  let siteUrl = '';
  return {
    name: 'qingdan-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        siteUrl = config.site ?? '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!siteUrl) logger.warn('no `site` configured: cards show no host');
        const portal = await getPortal();
        const site: CardSite = {
          url: siteUrl,
          name: options.siteName ?? DEFAULT_SITE_NAME,
          title: options.siteTitle ?? DEFAULT_SITE_TITLE,
          description: options.siteDescription ?? DEFAULT_SITE_DESCRIPTION,
        };
        const specs = cardsForPortal(portal, site);
        const cacheDir = resolveCacheDir(root, options.cacheDir);
        await buildCards({
          specs,
          outDir: fileURLToPath(dir),
          cacheDir,
          workers: options.workers,
          root,
          log: (line) => logger.info(line),
          warn: (line) => logger.warn(line),
        });
      },
    },
  };
}
