// Which status data a page reads. The portal's status-derived fields (a task's reports, timeline and
// current status, the build date, the periods) call trackRead() when read; while a page renders, those
// keys are collected, so an incremental build knows exactly which pages one new status report touches
// (src/build/page-cache/). Outside a collection, trackRead() does nothing.
//
// Collections follow the async context (AsyncLocalStorage), so pages may render concurrently.
// A value computed once and reused by many pages (a memo) must replay the keys it read on every use:
// wrap it in memoWithReads, or later pages would miss them.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The status fields of a task view, each read apart: a list showing only the current status does
 * not depend on the wording of past reports. */
export type TaskStatusField = 'reports' | 'timeline' | 'current' | 'demo';
/** Key of one status field of a task. */
export const taskKey = (taskId: string, field: TaskStatusField) => `task:${taskId}#${field}`;
/** Key of the reporting period a document's reports are due for on the build date (its 报送模板). */
export const reportingPeriodKey = (slug: string) => `@reportingPeriod:${slug}`;
/** The build date itself, as shown (a page judging status by it reads the task fields instead). */
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
