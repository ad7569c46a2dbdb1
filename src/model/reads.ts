// Which status data a page reads. The portal's status-derived fields (a task's reports, timeline and
// current status, the build date, the periods) call trackRead() when read; while a page renders, those
// keys are collected, so an incremental build knows exactly which pages one new status report touches
// (src/outputs/page-cache/). Outside a collection, trackRead() does nothing.
//
// A value computed once and reused by many pages (a memo) must replay the keys it read on every use:
// wrap it in memoWithReads, or later pages would miss them.

/** Key of a task's status data: its reports, timeline, current status and demo flag. */
export const taskKey = (taskId: string) => `task:${taskId}`;
/** The build date: what "overdue" is measured against. */
export const GENERATED_ON_KEY = '@generatedOn';
/** Whether any status shown is demonstration data. */
export const HAS_DEMO_KEY = '@hasDemo';
/** The reporting periods of every document (they come from the status files). */
export const PERIODS_KEY = '@periods';

interface Tracker {
  /** Innermost last: a memo computed inside a page pushes its own set. */
  stack: Set<string>[];
}

// On globalThis: the build loads this module twice (Vite's bundle of the pages, the config's own import).
const TRACKER = Symbol.for('qingdan.reads');
const tracker = ((globalThis as Record<symbol, unknown>)[TRACKER] ??= { stack: [] }) as Tracker;

export function trackRead(key: string): void {
  const top = tracker.stack.at(-1);
  if (top) top.add(key);
}

/** True while reads are being collected. */
export const collecting = () => tracker.stack.length > 0;

/**
 * Starts collecting the reads of one page render; the returned function stops and gives them.
 * Renders must not overlap (Astro's build renders one page at a time unless build.concurrency > 1).
 */
export function beginReads(): () => Set<string> {
  if (tracker.stack.length > 0) {
    throw new Error('page renders overlap: read tracking (incremental builds) needs build.concurrency 1');
  }
  const reads = new Set<string>();
  tracker.stack.push(reads);
  return () => {
    const i = tracker.stack.indexOf(reads);
    if (i >= 0) tracker.stack.splice(i);
    return reads;
  };
}

/** Runs fn and returns what it read; the reads also count for any collection around it. */
export function withReads<T>(fn: () => T): { value: T; reads: Set<string> } {
  const reads = new Set<string>();
  tracker.stack.push(reads);
  let value: T;
  try {
    value = fn();
  } finally {
    tracker.stack.pop();
  }
  for (const key of reads) trackRead(key);
  return { value, reads };
}

/** A per-object memo that replays the reads of its first computation on every use. */
export function memoWithReads<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, { value: V; reads: Set<string> }>();
  return (key) => {
    let hit = memo.get(key);
    if (!hit) {
      hit = withReads(() => compute(key));
      memo.set(key, hit);
      return hit.value;
    }
    for (const read of hit.reads) trackRead(read);
    return hit.value;
  };
}
