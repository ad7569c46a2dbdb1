// Which status data a page reads. The portal's status-derived fields (a task's reports, timeline and
// current status, the build date, the periods) call trackRead() when read; while a page renders, those
// keys are collected, so an incremental build knows exactly which pages one new status report touches
// (src/build/page-cache/). Outside a collection, trackRead() does nothing.
//
// Collections follow the async context (AsyncLocalStorage), so pages may render concurrently.
// A value computed once and reused by many pages (a memo) must replay the keys it read on every use:
// wrap it in memoWithReads, or later pages would miss them.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Key of a task's status data: its reports, timeline, current status and demo flag. */
export const taskKey = (taskId: string) => `task:${taskId}`;
/** The build date: what "overdue" is measured against. */
export const GENERATED_ON_KEY = '@generatedOn';
/** Whether any status shown is demonstration data. */
export const HAS_DEMO_KEY = '@hasDemo';
/** The reporting periods of every document (they come from the status files). */
export const PERIODS_KEY = '@periods';

// On globalThis: the build loads this module twice (Vite's bundle of the pages, the config's own import).
const STORE = Symbol.for('qingdan.reads');
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??= new AsyncLocalStorage<Set<string>>()) as AsyncLocalStorage<Set<string>>;

export function trackRead(key: string): void {
  store.getStore()?.add(key);
}

/** Runs a synchronous fn collecting what it reads; the reads also count for any collection around it. */
export function collectReads<T>(fn: () => T): { value: T; reads: Set<string> } {
  const reads = new Set<string>();
  const value = store.run(reads, fn);
  const outer = store.getStore();
  if (outer) for (const key of reads) outer.add(key);
  return { value, reads };
}

/** Like collectReads, for an async render: resolves once fn has settled. */
export async function collectReadsAsync<T>(fn: () => Promise<T>): Promise<{ value: T; reads: Set<string> }> {
  const reads = new Set<string>();
  const value = await store.run(reads, fn);
  return { value, reads };
}

/** A per-object memo that replays the reads of its first computation on every use. */
export function memoWithReads<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, { value: V; reads: Set<string> }>();
  return (key) => {
    let hit = memo.get(key);
    if (!hit) {
      hit = collectReads(() => compute(key));
      memo.set(key, hit);
      return hit.value;
    }
    for (const read of hit.reads) trackRead(read);
    return hit.value;
  };
}
