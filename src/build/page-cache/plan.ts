// Which pages of an incremental build can be reused (pure). Astro's incremental build
// (experimental.incrementalBuild) reuses a page whose getStaticPaths() cacheKey equals the key of the
// previous build and whose code is unchanged. Here each page gets the key it had last time when the
// sources are the same and every status key it read when it was last rendered still hashes the same;
// otherwise a new key, so it renders and its reads are recorded again.
import { createHash } from 'node:crypto';

export const RECORD_VERSION = 1;

export interface PageEntry {
  cacheKey: string;
  /** Indexes into PageRecord.keys: the status keys the page read when it was last rendered. */
  reads: number[];
}

export interface PageRecord {
  version: number;
  sources: string;
  /** Every read key, sorted; pages refer to them by index (tens of thousands of pages read them). */
  keys: string[];
  /** Hash of each key's value, same order as keys. */
  hashes: string[];
  pages: Record<string, PageEntry>;
}

export interface BuildInputs {
  sources: string;
  state: Record<string, string>;
}

/** Pages are keyed by their decoded path without a trailing slash: /tasks/x/t1 for /tasks/x/t1/. */
export function pageId(path: string): string {
  let p = path;
  try {
    p = decodeURI(path);
  } catch {
    // keep as written
  }
  p = p.replace(/\/index\.html$/, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** A key no earlier build can have handed out for this page under other inputs. */
function freshKey(inputs: BuildInputs, id: string, stateDigest: string): string {
  return createHash('sha256').update(`${inputs.sources}\0${stateDigest}\0${id}`).digest('hex').slice(0, 32);
}

export interface KeyPlan {
  keyFor(path: string): string;
  /** Pages given a new key so far: their inputs changed, or they have no record. */
  fresh: number;
}

export function planKeys(previous: PageRecord | null, inputs: BuildInputs): KeyPlan {
  const usable = previous !== null && previous.version === RECORD_VERSION && previous.sources === inputs.sources;
  const stateDigest = createHash('sha256')
    .update(
      Object.keys(inputs.state)
        .sort()
        .map((k) => `${k}=${inputs.state[k]}`)
        .join('\n'),
    )
    .digest('hex');
  // A key changed (or vanished) since the previous build, by its index there.
  const changed = usable ? previous.keys.map((k, i) => inputs.state[k] !== previous.hashes[i]) : [];
  const plan: KeyPlan = {
    fresh: 0,
    keyFor(path) {
      const id = pageId(path);
      const entry = usable ? previous.pages[id] : undefined;
      if (entry && !entry.reads.some((i) => changed[i])) return entry.cacheKey;
      plan.fresh++;
      return freshKey(inputs, id, stateDigest);
    },
  };
  return plan;
}

/**
 * The record for the next build: pages rendered now with what they read now; pages reused with what
 * they read when last rendered (their inputs are unchanged, so their reads are too).
 */
export function nextRecord(
  previous: PageRecord | null,
  inputs: BuildInputs,
  keys: ReadonlyMap<string, string>,
  rendered: ReadonlyMap<string, ReadonlySet<string>>,
): PageRecord {
  const allKeys = Object.keys(inputs.state).sort();
  const index = new Map(allKeys.map((k, i) => [k, i]));
  const toIndexes = (reads: Iterable<string>) => {
    const out: number[] = [];
    for (const k of reads) {
      const i = index.get(k);
      // A read of a key the state does not know cannot be compared next time: never reuse that page.
      if (i === undefined) return null;
      out.push(i);
    }
    return out.sort((a, b) => a - b);
  };
  const pages: Record<string, PageEntry> = {};
  for (const [path, cacheKey] of keys) {
    const id = pageId(path);
    const now = rendered.get(id);
    let reads: number[] | null;
    if (now) reads = toIndexes(now);
    else {
      const before = previous?.pages[id];
      reads = before ? toIndexes(before.reads.map((i) => previous!.keys[i])) : null;
    }
    if (reads) pages[id] = { cacheKey, reads };
  }
  return { version: RECORD_VERSION, sources: inputs.sources, keys: allKeys, hashes: allKeys.map((k) => inputs.state[k]), pages };
}
