// The portal of the configured content root, built once per process: pages, feeds and the output stages
// all read this one. Bad content fails it with one ContentError whose message lists every problem, one per
// line, and whose stack is that list (no trace into the readers' code): what the Astro build prints.
import { settings } from '../config';
import { ContentError, SourceErrors } from '../domain/source-error';
import { buildParseCache, NO_PARSE_CACHE, type ParseCache } from '../sources/parse-cache';
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

/** The portal of the configured content root (or of `root`), built once per process. */
export function getPortal(root: string = settings().contentDir, openCache: () => ParseCache = () => buildParseCache()): Promise<Portal> {
  let portal = portals.get(root);
  if (!portal) {
    portal = Promise.resolve().then(async () => {
      const t0 = performance.now();
      const cache = openCache();
      const sources = await loadSources(root, cache).catch((e: unknown) => {
        throw e instanceof SourceErrors ? new ContentError(e) : e;
      });
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
