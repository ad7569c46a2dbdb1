// The page cache's state during one build, shared by the integration (loaded by the config), the
// middleware and the pages' getStaticPaths (both in Vite's bundle): hence on globalThis.
import { existsSync, readFileSync } from 'node:fs';
import { getPortal } from '../../portal/get-portal';
import { settings } from '../../config';
import { planKeys, RECORD_VERSION, type BuildInputs, type KeyPlan, type PageRecord } from './plan';
import { readState, sourcesHash } from './state';

export interface PageCacheContext {
  /** JSON file of the previous build's record, beside Astro's own incremental-build manifest. */
  recordFile: string;
  /** Path → cacheKey handed to Astro in this build. */
  keys: Map<string, string>;
  /** Page id → the read keys of pages rendered in this build. */
  rendered: Map<string, Set<string>>;
  planned?: Promise<{ plan: KeyPlan; inputs: BuildInputs; previous: PageRecord | null }>;
}

const CONTEXT = Symbol.for('qingdan.page-cache');
const slot = globalThis as Record<symbol, PageCacheContext | undefined>;

export function startPageCache(recordFile: string): PageCacheContext {
  const ctx: PageCacheContext = { recordFile, keys: new Map(), rendered: new Map() };
  slot[CONTEXT] = ctx;
  return ctx;
}

/** The context of a build with the page cache on; undefined otherwise (dev server, tests, cache off). */
export const pageCache = (): PageCacheContext | undefined => slot[CONTEXT];

export function readRecord(file: string): PageRecord | null {
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PageRecord;
    return record.version === RECORD_VERSION ? record : null;
  } catch {
    return null; // a damaged record only costs a full render
  }
}

/** The plan of this build, made once: previous record, this build's sources and status state. */
export function plannedKeys(ctx: PageCacheContext) {
  ctx.planned ??= getPortal().then((portal) => {
    const inputs: BuildInputs = { sources: sourcesHash(settings().contentDir), state: readState(portal) };
    const previous = readRecord(ctx.recordFile);
    return { plan: planKeys(previous, inputs), inputs, previous };
  });
  return ctx.planned;
}

/**
 * getStaticPaths() entries with the cacheKey Astro's incremental build compares; unchanged when the
 * page cache is off. `pathOf` gives the page's URL path (from src/domain/urls.ts).
 */
export async function withCacheKeys<T extends object>(
  entries: T[],
  pathOf: (entry: T) => string,
): Promise<Array<T & { cacheKey?: string }>> {
  const ctx = pageCache();
  if (!ctx) return entries;
  const { plan } = await plannedKeys(ctx);
  return entries.map((entry) => {
    const path = pathOf(entry);
    const cacheKey = plan.keyFor(path);
    ctx.keys.set(path, cacheKey);
    return { ...entry, cacheKey };
  });
}
