// A small pool of workers shared by the output stages: the cards render on worker threads, the PDF
// reports in child processes (typst's native memory only returns to the system when a process exits).
// The main side hands out jobs lazily (so thousands of jobs never sit in memory at once), keeps every
// worker busy with a job queued behind the running one, and retires a worker after some jobs or once
// its RSS passes a threshold, starting a fresh one while work remains.
// Workers are plain .mjs files loaded by Node directly, never through Vite: see workerFile().
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

/** What the pool needs of a worker thread or a child process. */
export interface WorkerHandle {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  /** `code` null when ended by a signal. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** End it now; the pool calls this only when it holds no job (or the pool has failed). */
  end(): void;
}

/** A worker thread running `file`, with `workerData`. */
export function threadWorker(file: string, workerData: unknown): WorkerHandle {
  const worker = new Worker(file, { workerData });
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (l) => void worker.on('message', l),
    onError: (l) => void worker.on('error', (e: unknown) => l(e instanceof Error ? e : new Error(String(e)))),
    onExit: (l) => void worker.on('exit', (code) => l(code, null)),
    end: () => void worker.terminate(),
  };
}

/**
 * A child process running `file` with the current Node binary. Messages use the structured-clone
 * serialization, so Buffers cross as bytes rather than JSON arrays. Node options of this process
 * (a TypeScript loader under tests) are not passed on: the file is plain JavaScript.
 */
export function processWorker(file: string, args: string[] = []): WorkerHandle {
  const child = fork(file, args, { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    post: (m) => void child.send(m as object),
    onMessage: (l) => void child.on('message', l),
    onError: (l) => void child.on('error', l),
    onExit: (l) => void child.on('exit', (code, signal) => l(code, signal)),
    end: () => {
      // Idle: disconnecting lets it exit by itself; kill it if it has not.
      if (child.connected) child.disconnect();
      if (child.exitCode === null && child.signalCode === null) setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 5000).unref();
    },
  };
}

/**
 * `name` next to `moduleUrl` (import.meta.url of the caller), else under `<root>/<fallbackDir>`:
 * bundled into Astro's build, a module no longer sits next to its worker file.
 */
export function workerFile(moduleUrl: string, name: string, root: string | undefined, fallbackDir: string): string {
  const here = new URL(`./${name}`, moduleUrl);
  const herePath = here.protocol === 'file:' ? fileURLToPath(here) : '';
  if (herePath && existsSync(herePath)) return herePath;
  if (root) {
    const fromRoot = `${root.replace(/\/$/, '')}/${fallbackDir}/${name}`;
    if (existsSync(fromRoot)) return fromRoot;
  }
  throw new Error(`${name} not found next to ${herePath || moduleUrl}${root ? ` nor in ${root}/${fallbackDir}` : ''}`);
}

/**
 * Default bound on the memory of the whole build (the build process and its workers), in MB of 2^20
 * bytes as every bound here counts: 2 GB of 10^9 bytes, as the benchmark reports peaks. At 2,048 a
 * 10,000-task build peaked at 2.12 GB, inside its bound.
 */
export const DEFAULT_MEMORY_MB = Math.floor(2e9 / 2 ** 20); // 1,907
/** What an output stage's workers get at least, whatever the build process already holds, MB. */
export const MIN_WORKER_BUDGET_MB = 512;

/**
 * QINGDAN_MEMORY_MB, when set. A setting that is not a number of MiB fails the build: falling back to
 * the default would silently change the search shards and every worker pool.
 */
function askedMemoryMb(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.QINGDAN_MEMORY_MB?.trim();
  if (!raw) return undefined;
  const asked = Number(raw);
  if (!Number.isFinite(asked) || asked <= 0) throw new Error(`QINGDAN_MEMORY_MB: expected a number of MiB greater than 0, got "${raw}"`);
  return asked;
}

/** The whole build's bound: QINGDAN_MEMORY_MB, else 2 GB, less when the machine has less free (80%) or in all (half). */
export function buildMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  return askedMemoryMb(env) ?? Math.min(configuredMemoryMb(env), (freemem() / 2 ** 20) * 0.8);
}

/**
 * The bound as configured: QINGDAN_MEMORY_MB, else 2 GB or half the machine, whichever is less. Not
 * lowered by what happens to be free, for what must stay the same from one build to the next.
 */
export function configuredMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  return askedMemoryMb(env) ?? Math.min(DEFAULT_MEMORY_MB, totalmem() / 2 ** 20 / 2);
}

/**
 * What an output stage's workers may use together: the build's bound less what the build process
 * holds now (pages, the portal). Call releaseMemory() first, or that holding is overstated.
 */
export function memoryBudgetMb(env: NodeJS.ProcessEnv = process.env, ownRssMb = process.memoryUsage.rss() / 2 ** 20): number {
  return Math.max(MIN_WORKER_BUDGET_MB, buildMemoryMb(env) - ownRssMb);
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

export interface PoolJob {
  id: number;
}

export interface PoolResult {
  id: number;
  ok: boolean;
  error?: string;
  /** The worker's resident memory after the job, MB: for recycling by size. */
  rssMb?: number;
}

export interface PoolOptions<J extends PoolJob, R extends PoolResult> {
  /** Prefix of error messages: "cards", "pdf". */
  name: string;
  /** What a job makes, for "N card(s) failed to render". */
  noun?: string;
  /** Workers at once; each starts only when there is a job for it. */
  count: number;
  start: () => WorkerHandle;
  /** The next job, or null when there are no more; called lazily. */
  next: () => J | null;
  onResult: (result: R, job: J) => void;
  /** A job's name in error messages; default "job <id>". */
  label?: (job: J) => string;
  /** Jobs a worker holds at once: one running and one waiting, so it never idles between messages. */
  inFlight?: number;
  /** Retire a worker after this many jobs. */
  recycleAfterJobs?: number;
  /** Retire a worker once a result says its RSS is above this, MB. */
  recycleAboveMb?: number;
  /**
   * Memory the workers may hold together, MB. With `jobMb`, a job starts only when the workers' last
   * reported RSS plus what their running jobs may add plus its own need fit; a job that cannot fit
   * even alone runs when nothing else does. Idle workers that have worked are retired to make room.
   */
  budgetMb?: number;
  /** Memory held outside the pool for a while: the budget leaves it free until it is given back. */
  held?: HeldMemory;
  /** RSS of a worker that has not reported yet, MB. */
  workerBaseMb?: number;
  /** What a job may add to its worker's RSS while it runs, MB. */
  jobMb?: (job: J) => number;
}

export interface PoolStats {
  /** Workers started, replacements included. */
  started: number;
  /** Workers retired by the recycling limits or to make room (not those ended because the work ran out). */
  recycled: number;
  /** Largest RSS a worker reported, MB (0 when none did). */
  peakWorkerRssMb: number;
  /** Times a job had to wait for memory (other jobs may have run meanwhile). */
  waitedForMemory: number;
}

/** How far past a job waiting for memory the pool looks for one that fits. */
const LOOKAHEAD = 16;

interface Slot<J> {
  handle: WorkerHandle;
  /** Jobs it holds, with what each may add to its RSS. */
  jobs: Map<number, { job: J; mb: number }>;
  /** Jobs sent to it, and finished by it. */
  sent: number;
  done: number;
  /** Last RSS it reported (or the base until it does), MB. */
  rssMb: number;
  retiring: boolean;
  ending: boolean;
}

/**
 * Runs every job `next()` hands out. Resolves when all are done and every worker has exited;
 * rejects with every failed job listed once the queue has drained (so one bad job does not hide
 * others), or at once, naming the jobs it held, when a worker dies.
 */
export function runPool<J extends PoolJob, R extends PoolResult>(options: PoolOptions<J, R>): Promise<PoolStats> {
  const { name, noun = 'job', count, start, next, onResult } = options;
  const label = options.label ?? ((job: J) => `job ${job.id}`);
  const inFlight = Math.max(1, options.inFlight ?? 2);
  const afterJobs = options.recycleAfterJobs ?? Infinity;
  const aboveMb = options.recycleAboveMb ?? Infinity;
  const fullBudgetMb = options.budgetMb ?? Infinity;
  const outside = options.held;
  const baseMb = options.workerBaseMb ?? 0;
  const jobMb = options.jobMb ?? (() => 0);
  const stats: PoolStats = { started: 0, recycled: 0, peakWorkerRssMb: 0, waitedForMemory: 0 };

  return new Promise((resolvePool, rejectPool) => {
    const slots = new Set<Slot<J>>();
    const failures: string[] = [];
    let exhausted = false;
    let finished = false;
    /**
     * Pulled from next() but not placed yet, in order. The first waits for a worker or for memory; the
     * others were pulled to run meanwhile on a core that would otherwise idle (see pump).
     */
    const waiting: { job: J; mb: number }[] = [];
    /** Jobs running when the first waiting job began to wait for memory: while any runs, others may go ahead. */
    let blockers: Set<number> | null = null;

    let stopListening = () => {};
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      stopListening();
      for (const s of slots) s.handle.end();
      if (error) rejectPool(error);
      else if (failures.length) rejectPool(new Error(`${name}: ${failures.length} ${noun}(s) failed to render:\n${failures.slice(0, 10).join('\n')}`));
      else resolvePool(stats);
    };
    const fail = (error: unknown) => finish(error instanceof Error ? error : new Error(String(error)));

    const pull = (): J | null => {
      if (exhausted || finished) return null;
      let job: J | null;
      try {
        job = next();
      } catch (error) {
        fail(error);
        return null;
      }
      if (!job) exhausted = true;
      return job;
    };

    const held = (slot: Slot<J>) => [...slot.jobs.values()].map((j) => label(j.job));
    const committedMb = () => [...slots].reduce((sum, s) => sum + s.rssMb + [...s.jobs.values()].reduce((a, j) => a + j.mb, 0), 0);

    const send = (slot: Slot<J>, job: J, mb: number) => {
      slot.sent++;
      slot.jobs.set(job.id, { job, mb });
      slot.handle.post(job);
    };

    const endSlot = (slot: Slot<J>) => {
      if (slot.ending) return;
      slot.ending = true;
      slot.handle.end();
    };

    const launch = (): Slot<J> | null => {
      let handle: WorkerHandle;
      try {
        handle = start();
      } catch (error) {
        fail(error);
        return null;
      }
      const slot: Slot<J> = { handle, jobs: new Map(), sent: 0, done: 0, rssMb: baseMb, retiring: false, ending: false };
      stats.started++;
      slots.add(slot);
      handle.onMessage((message) => {
        const result = message as R;
        const entry = slot.jobs.get(result.id);
        if (!entry || finished) return;
        slot.jobs.delete(result.id);
        slot.done++;
        if (result.rssMb !== undefined) {
          slot.rssMb = result.rssMb;
          stats.peakWorkerRssMb = Math.max(stats.peakWorkerRssMb, result.rssMb);
        }
        if (!result.ok) failures.push(`  ${label(entry.job)}: ${result.error ?? 'failed'}`);
        try {
          onResult(result, entry.job);
        } catch (error) {
          fail(error);
          return;
        }
        if (!slot.retiring && (slot.done >= afterJobs || (result.rssMb ?? 0) > aboveMb)) {
          slot.retiring = true;
          stats.recycled++;
        }
        pump();
      });
      handle.onError((error) => {
        const jobs = held(slot);
        finish(new Error(`${name}: a worker failed${jobs.length ? ` while rendering ${jobs.join(', ')}` : ''}: ${error.message}`, { cause: error }));
      });
      handle.onExit((code, signal) => {
        slots.delete(slot);
        if (finished) return;
        if (slot.jobs.size > 0 || !slot.ending) {
          const jobs = held(slot);
          finish(new Error(`${name}: a worker exited (${signal ?? `code ${code}`})${jobs.length ? ` while rendering ${jobs.join(', ')}` : ' unexpectedly'}`));
          return;
        }
        pump();
      });
      return slot;
    };

    const running = (id: number) => [...slots].some((s) => s.jobs.has(id));

    /** Hands out work while there are workers and memory for it; called whenever either frees up. */
    const pump = () => {
      while (!finished) {
        if (!waiting.length) {
          const job = pull();
          if (!job) break;
          waiting.push({ job, mb: jobMb(job) });
        }
        const all = [...slots];
        const open = all
          .filter((s) => !s.retiring && !s.ending && s.jobs.size < inFlight && s.sent < afterJobs)
          .sort((a, b) => a.jobs.size - b.jobs.size || a.rssMb - b.rssMb);
        const canLaunch = all.filter((s) => !s.ending).length < count;
        // An idle worker first, then a new one, then a queue behind a running job.
        const target: Slot<J> | 'new' | null = open[0]?.jobs.size === 0 ? open[0] : canLaunch ? 'new' : (open[0] ?? null);
        if (!target) break; // every worker is full: a result will call again
        const extra = target === 'new' ? baseMb : 0;
        const heldMb = outside?.mb ?? 0;
        const budgetMb = fullBudgetMb - heldMb;
        const committed = committedMb();
        const head = waiting[0];
        let pick = 0;
        if (committed + head.mb + extra > budgetMb) {
          if (!blockers) {
            stats.waitedForMemory++;
            blockers = new Set(all.flatMap((s) => [...s.jobs.keys()]));
          }
          const busy = all.some((s) => s.jobs.size > 0 || s.ending);
          if (busy && (target === 'new' || target.jobs.size === 0) && [...blockers].some(running)) {
            // Backfill a core that would idle: while what the head waits for still runs, a later job that
            // fits now, and that could run beside the head on its own, goes ahead. Once those blockers
            // are done no job goes ahead any more, so the head waits at most for jobs already started.
            pick = -1;
            for (let k = 1; k < LOOKAHEAD; k++) {
              if (k === waiting.length) {
                const job = pull();
                if (!job) break;
                waiting.push({ job, mb: jobMb(job) });
              }
              const w = waiting[k];
              if (committed + w.mb + extra <= budgetMb && baseMb + w.mb + baseMb + head.mb <= budgetMb) {
                pick = k;
                break;
              }
            }
            if (pick < 0) break;
          } else if (busy) {
            break; // wait for the running jobs
          } else {
            // Nothing runs. A worker that has worked keeps its high-water RSS; a fresh one starts at the
            // base: retire idle ones to make room, and once none is left the head runs, fitting or not.
            let freeing = false;
            for (const s of all) {
              if (!s.ending && s.jobs.size === 0 && s.done > 0) {
                if (!s.retiring) stats.recycled++;
                s.retiring = true;
                endSlot(s);
                freeing = true;
              }
            }
            if (freeing) break;
            // Memory is held outside the pool: the head waits for it rather than run past the bound.
            if (heldMb > 0) break;
          }
        }
        const slot = target === 'new' ? launch() : target;
        if (!slot) break;
        const [chosen] = waiting.splice(pick, 1);
        if (pick === 0) blockers = null;
        send(slot, chosen.job, chosen.mb);
      }
      if (finished) return;
      for (const s of slots) if (s.jobs.size === 0 && (s.retiring || (exhausted && !waiting.length))) endSlot(s);
      if (exhausted && !waiting.length && slots.size === 0) finish();
    };

    if (outside) stopListening = outside.onRelease(() => pump());
    pump();
  });
}
