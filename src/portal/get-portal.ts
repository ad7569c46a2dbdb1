// The portal of the configured content root, built once per process: pages, feeds and the output stages
// all read this one.
import { settings } from '../config';
import { buildParseCache, NO_PARSE_CACHE } from '../sources/parse-cache';
import { loadSources } from '../sources/index';
import { buildPortal } from './portal';
import type { Portal } from './types';

/**
 * Portals built in this process, by content root. On globalThis, not in a module variable: the
 * Astro build imports this module twice (Vite's bundle of the pages, and the config's own import for
 * the page cache), and each copy would otherwise ingest every document again.
 */
const PORTALS = Symbol.for('qingdan.portals');
type PortalCache = Map<string, Promise<Portal>>;
const portals = ((globalThis as Record<symbol, unknown>)[PORTALS] ??= new Map()) as PortalCache;

/** The portal of the configured content root, built once per process. */
export function getPortal(): Promise<Portal> {
  const root = settings().contentDir;
  let portal = portals.get(root);
  if (!portal) {
    portal = Promise.resolve().then(async () => {
      const t0 = performance.now();
      const cache = buildParseCache();
      const sources = await loadSources(root, cache);
      const pruned = cache.prune();
      const t1 = performance.now();
      if (cache !== NO_PARSE_CACHE) console.log(`[qingdan] parse cache: ${cache.hits} reused, ${cache.misses} parsed, ${pruned} pruned`);
      const built = buildPortal(sources);
      // For the benchmark: how long ingest (documents, registry, status) and the join take.
      console.log(`[qingdan:phase] ingest ${((t1 - t0) / 1000).toFixed(2)}s`);
      console.log(`[qingdan:phase] join ${((performance.now() - t1) / 1000).toFixed(2)}s`);
      return built;
    });
    portals.set(root, portal);
  }
  return portal;
}
