// The build's memory bound (QINGDAN_MEMORY_MB) and what the output stages' workers may use of it.
import { readFileSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { settings, type Settings } from '../../config';

/**
 * Default bound on the memory of the whole build (the build process and its workers), in MB of 2^20
 * bytes as every bound here counts: 2 GB of 10^9 bytes, as the benchmark reports peaks. At 2,048 a
 * 10,000-task build peaked at 2.12 GB, inside its bound.
 */
export const DEFAULT_MEMORY_MB = Math.floor(2e9 / 2 ** 20); // 1,907
/** What an output stage's workers get at least, whatever the build process already holds, MB. */
export const MIN_WORKER_BUDGET_MB = 512;

type MemorySetting = Pick<Settings, 'memoryMb'> & Partial<Pick<Settings, 'buildPid'>>;

/** The whole build's bound: QINGDAN_MEMORY_MB, else 2 GB, less when the machine has less free (80%) or in all (half). */
export function buildMemoryMb(s: MemorySetting = settings()): number {
  return s.memoryMb ?? Math.min(configuredMemoryMb(s), (freemem() / 2 ** 20) * 0.8);
}

/**
 * The bound as configured: QINGDAN_MEMORY_MB, else 2 GB or half the machine, whichever is less. Not
 * lowered by what happens to be free, for what must stay the same from one build to the next.
 */
export function configuredMemoryMb(s: MemorySetting = settings()): number {
  return s.memoryMb ?? Math.min(DEFAULT_MEMORY_MB, totalmem() / 2 ** 20 / 2);
}

/** RSS of process `pid`, MB, from /proc; 0 where it cannot be read (not Linux, or the process is gone). */
export function processRssMb(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * What the build holds outside a stage's workers, MB: this process (pages, the portal) and the process
 * that runs the build's steps (QINGDAN_BUILD_PID, set by `npm run build`). The bound is the whole
 * build's: with this process alone counted, a 10,000-task build went 90 MB past it.
 */
export function buildProcessesRssMb(s: Partial<Pick<Settings, 'buildPid'>> = settings()): number {
  return process.memoryUsage.rss() / 2 ** 20 + (s.buildPid ? processRssMb(s.buildPid) : 0);
}

/**
 * What an output stage's workers may use together: the build's bound less what the build's own
 * processes hold now (buildProcessesRssMb). Call releaseMemory() first, or that holding is overstated.
 */
export function memoryBudgetMb(s: MemorySetting = settings(), heldMb = buildProcessesRssMb(s)): number {
  return Math.max(MIN_WORKER_BUDGET_MB, buildMemoryMb(s) - heldMb);
}

/**
 * memoryBudgetMb for a pool that runs a long time: the bound is fixed now, what the build's processes
 * hold is read at every call, since this one grows while results come in. The free memory is not read again: the
 * pool's own workers (and a Pagefind process beside them) lower it, and would be counted twice.
 */
export function liveMemoryBudgetMb(s: MemorySetting = settings()): () => number {
  const fixed = { ...s, memoryMb: buildMemoryMb(s) };
  return () => memoryBudgetMb(fixed);
}

/**
 * A full garbage collection, so the build process hands back what rendering the pages left behind before
 * workers start beside it. Node exposes gc() only behind a flag; the flag can be set at run time.
 * The last-resort flavour also compacts the heap and returns its free pages to the system: a plain
 * gc() left the RSS at 420 MB over 87 MB of live heap after ingesting 10,000 tasks, this one 169 MB.
 */
export function releaseMemory(): void {
  const g = globalThis as { gc?: (options?: object) => void };
  if (!g.gc) {
    setFlagsFromString('--expose-gc');
    g.gc = runInNewContext('gc') as (options?: object) => void;
  }
  g.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Memory that work outside a pool holds for a while (a Pagefind process indexing beside the PDF
 * renders): a pool given it keeps that much of its budget free, and a job that does not fit waits
 * for the memory to be given back rather than run past the bound.
 */
export class HeldMemory {
  readonly #held = new Set<{ mb: number }>();
  readonly #listeners = new Set<() => void>();

  /** What is held now, MB. */
  get mb(): number {
    let sum = 0;
    for (const h of this.#held) sum += h.mb;
    return sum;
  }

  /** Holds `mb` until the returned function is called (later calls do nothing). */
  hold(mb: number): () => void {
    const entry = { mb: Math.max(0, mb) };
    this.#held.add(entry);
    return () => {
      if (this.#held.delete(entry)) for (const listener of [...this.#listeners]) listener();
    };
  }

  /** Calls `listener` whenever memory is given back; returns the unsubscribe. */
  onRelease(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
