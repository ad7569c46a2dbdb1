// Astro integration: incremental page builds. Turns on Astro's experimental.incrementalBuild, records
// what each page reads (middleware.ts), and after the build writes the record the next build plans
// with (plan.ts). QINGDAN_PAGE_CACHE=off renders every page.
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../../config';
import { pageCache, plannedKeys, startPageCache } from './context';
import { nextRecord, pageId as pageIdOf } from './plan';

export const RECORD_FILE = 'qingdan-page-reads.json';

export default function pageCacheIntegration(options: { enabled?: boolean } = {}): AstroIntegration {
  const enabled = options.enabled ?? settings().pageCache;
  let active = false;
  return {
    name: 'qingdan-page-cache',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, updateConfig }) => {
        active = enabled && command === 'build';
        if (!active) return;
        updateConfig({ experimental: { incrementalBuild: true } });
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        if (!active) return;
        startPageCache(fileURLToPath(new URL(RECORD_FILE, config.cacheDir)));
      },
      'astro:build:done': async ({ logger }) => {
        const ctx = pageCache();
        if (!active || !ctx) return;
        const { plan, inputs, previous } = await plannedKeys(ctx);
        const record = nextRecord(previous, inputs, ctx.keys, ctx.rendered);
        mkdirSync(dirname(ctx.recordFile), { recursive: true });
        writeFileSync(ctx.recordFile, JSON.stringify(record));
        const keyed = ctx.keys.size;
        const keyedRendered = [...ctx.keys.keys()].filter((p) => ctx.rendered.has(pageIdOf(p))).length;
        const unkeyed = ctx.rendered.size - keyedRendered;
        // The reads of every page are in the record now; the output stages need the memory.
        ctx.keys.clear();
        ctx.rendered.clear();
        logger.info(
          `pages: ${keyed} keyed, ${keyedRendered} rendered, ${keyed - keyedRendered} reused from the previous build ` +
            `(${plan.fresh} with changed inputs); ${unkeyed} unkeyed page(s) rendered`,
        );
      },
    },
  };
}
