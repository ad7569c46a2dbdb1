// The portal of the configured content root, built once per process: pages, feeds and the output stages
// all read this one. Bad content fails it with one ContentError whose message lists every problem, one per
// line, and whose stack is that list (no trace into the readers' code): what the Astro build prints.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * `astro dev` (`npm run dev`): Vite's DEV flag, absent under tsx and in the build. There the portal is built
 * again whenever a file of the content folder changed, so that an edited status file, document or registry
 * entry shows on reload, and a validation error shows instead of stale content.
 */
const DEV = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
const seen = new Map<string, string>();

/** Every file of the content folder with its size and modification time: what changes when an editor saves. */
function contentStamp(root: string): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else parts.push(`${p}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(root);
  return parts.join('\n');
}

/** The portal of the configured content root (or of `root`), built once per process (in dev, once per content change). */
export function getPortal(root: string = settings().contentDir, openCache: () => ParseCache = () => buildParseCache()): Promise<Portal> {
  if (DEV) {
    const stamp = contentStamp(root);
    if (seen.get(root) !== stamp) portals.delete(root);
    seen.set(root, stamp);
  }
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
