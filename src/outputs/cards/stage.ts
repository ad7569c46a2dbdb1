// The cards stage, run after the Astro build (src/cli/outputs.ts): a social card for every page in
// dist/cards/. Pages reference them with cardUrl() (src/domain/urls.ts) as og:image/twitter:image.
import type { Portal } from '../../portal/types.ts';
import { buildCards } from './build.ts';
import { resolveCacheDir } from './cache.ts';
import { cardsForPortal, type CardSite } from './card-model.ts';
import type { StageContext } from '../../build/stage.ts';

export const DEFAULT_SITE_NAME = '清单';
export const DEFAULT_SITE_TITLE = '生态文明任务公开';
export const DEFAULT_SITE_DESCRIPTION = '政府文件里的任务、牵头单位、完成时限与进展';

export async function cardsStage(portal: Portal, ctx: StageContext): Promise<void> {
  const log = ctx.logger('qingdan-cards');
  if (!ctx.site) log.warn('no `site` configured: cards show no host');
  const site: CardSite = { url: ctx.site ?? '', name: DEFAULT_SITE_NAME, title: DEFAULT_SITE_TITLE, description: DEFAULT_SITE_DESCRIPTION };
  const specs = cardsForPortal(portal, site);
  await buildCards({
    specs: ctx.slice ? ctx.slice.take('card', specs, (spec) => spec.path) : specs,
    outDir: ctx.outDir,
    cacheDir: resolveCacheDir(ctx.root),
    root: ctx.root,
    log: log.info,
    warn: log.warn,
  });
}
