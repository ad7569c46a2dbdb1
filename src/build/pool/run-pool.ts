// A small pool of workers shared by the output stages. The main side hands out jobs lazily (so thousands
// of jobs never sit in memory at once), keeps every worker busy with a job queued behind the running one,
// retires a worker after some jobs or once its RSS passes a threshold (starting a fresh one while work
// remains), and starts a job only when the memory budget has room for it.
import type { WorkerHandle } from './handles';
import type { HeldMemory } from './memory';

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
   * A function is asked again at every decision: the process that runs the pool grows while it works.
   */
  budgetMb?: number | (() => number);
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

interface Waiting<J> {
  job: J;
  mb: number;
}

/** Where the next job goes: an idle or open worker, or a new one. */
type Target<J> = Slot<J> | 'new';

/** One run of a pool: its workers, the jobs pulled but not placed yet, and how it ends. */
class PoolRun<J extends PoolJob, R extends PoolResult> {
  readonly stats: PoolStats = { started: 0, recycled: 0, peakWorkerRssMb: 0, waitedForMemory: 0 };
  private readonly slots = new Set<Slot<J>>();
  private readonly failures: string[] = [];
  private exhausted = false;
  private finished = false;
  /**
   * Pulled from next() but not placed yet, in order. The first waits for a worker or for memory; the
   * others were pulled to run meanwhile on a core that would otherwise idle (see backfill).
   */
  private readonly waiting: Waiting<J>[] = [];
  /** Jobs running when the first waiting job began to wait for memory: while any runs, others may go ahead. */
  private blockers: Set<number> | null = null;
  private stopListening = () => {};
  private readonly label: (job: J) => string;
  private readonly inFlight: number;
  private readonly afterJobs: number;
  private readonly aboveMb: number;
  private readonly fullBudgetMb: () => number;
  private readonly baseMb: number;
  private readonly jobMb: (job: J) => number;

  constructor(
    private readonly options: PoolOptions<J, R>,
    private readonly settle: { resolve: (stats: PoolStats) => void; reject: (error: Error) => void },
  ) {
    this.label = options.label ?? ((job: J) => `job ${job.id}`);
    this.inFlight = Math.max(1, options.inFlight ?? 2);
    this.afterJobs = options.recycleAfterJobs ?? Infinity;
    this.aboveMb = options.recycleAboveMb ?? Infinity;
    const budget = options.budgetMb ?? Infinity;
    this.fullBudgetMb = typeof budget === 'function' ? budget : () => budget;
    this.baseMb = options.workerBaseMb ?? 0;
    this.jobMb = options.jobMb ?? (() => 0);
  }

  start(): void {
    if (this.options.held) this.stopListening = this.options.held.onRelease(() => this.pump());
    this.pump();
  }

  // ---- ending

  private finish(error?: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.stopListening();
    for (const s of this.slots) s.handle.end();
    const { name, noun = 'job' } = this.options;
    if (error) this.settle.reject(error);
    else if (this.failures.length)
      this.settle.reject(
        new Error(`${name}: ${this.failures.length} ${noun}(s) failed to render:\n${this.failures.slice(0, 10).join('\n')}`),
      );
    else this.settle.resolve(this.stats);
  }

  private fail(error: unknown): void {
    this.finish(error instanceof Error ? error : new Error(String(error)));
  }

  // ---- jobs and workers

  private pull(): J | null {
    if (this.exhausted || this.finished) return null;
    let job: J | null;
    try {
      job = this.options.next();
    } catch (error) {
      this.fail(error);
      return null;
    }
    if (!job) this.exhausted = true;
    return job;
  }

  /** Pulls one more job into the waiting list; false when there are no more. */
  private pullWaiting(): boolean {
    const job = this.pull();
    if (!job) return false;
    this.waiting.push({ job, mb: this.jobMb(job) });
    return true;
  }

  private held(slot: Slot<J>): string[] {
    return [...slot.jobs.values()].map((j) => this.label(j.job));
  }

  /** What the workers hold now plus what their running jobs may add, MB. */
  private committedMb(): number {
    return [...this.slots].reduce((sum, s) => sum + s.rssMb + [...s.jobs.values()].reduce((a, j) => a + j.mb, 0), 0);
  }

  private running(id: number): boolean {
    return [...this.slots].some((s) => s.jobs.has(id));
  }

  private send(slot: Slot<J>, { job, mb }: Waiting<J>): void {
    slot.sent++;
    slot.jobs.set(job.id, { job, mb });
    slot.handle.post(job);
  }

  private endSlot(slot: Slot<J>): void {
    if (slot.ending) return;
    slot.ending = true;
    slot.handle.end();
  }

  private launch(): Slot<J> | null {
    let handle: WorkerHandle;
    try {
      handle = this.options.start();
    } catch (error) {
      this.fail(error);
      return null;
    }
    const slot: Slot<J> = { handle, jobs: new Map(), sent: 0, done: 0, rssMb: this.baseMb, retiring: false, ending: false };
    this.stats.started++;
    this.slots.add(slot);
    handle.onMessage((message) => this.onResult(slot, message as R));
    handle.onError((error) => {
      const jobs = this.held(slot);
      this.finish(
        new Error(`${this.options.name}: a worker failed${jobs.length ? ` while rendering ${jobs.join(', ')}` : ''}: ${error.message}`, {
          cause: error,
        }),
      );
    });
    handle.onExit((code, signal) => {
      this.slots.delete(slot);
      if (this.finished) return;
      if (slot.jobs.size > 0 || !slot.ending) {
        const jobs = this.held(slot);
        this.finish(
          new Error(
            `${this.options.name}: a worker exited (${signal ?? `code ${code}`})${jobs.length ? ` while rendering ${jobs.join(', ')}` : ' unexpectedly'}`,
          ),
        );
        return;
      }
      this.pump();
    });
    return slot;
  }

  private onResult(slot: Slot<J>, result: R): void {
    const entry = slot.jobs.get(result.id);
    if (!entry || this.finished) return;
    slot.jobs.delete(result.id);
    slot.done++;
    if (result.rssMb !== undefined) {
      slot.rssMb = result.rssMb;
      this.stats.peakWorkerRssMb = Math.max(this.stats.peakWorkerRssMb, result.rssMb);
    }
    if (!result.ok) this.failures.push(`  ${this.label(entry.job)}: ${result.error ?? 'failed'}`);
    try {
      this.options.onResult(result, entry.job);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!slot.retiring && (slot.done >= this.afterJobs || (result.rssMb ?? 0) > this.aboveMb)) {
      slot.retiring = true;
      this.stats.recycled++;
    }
    this.pump();
  }

  // ---- placing

  /** An idle worker first, then a new one, then a queue behind a running job; null when every worker is full. */
  private target(all: Slot<J>[]): Target<J> | null {
    const open = all
      .filter((s) => !s.retiring && !s.ending && s.jobs.size < this.inFlight && s.sent < this.afterJobs)
      .sort((a, b) => a.jobs.size - b.jobs.size || a.rssMb - b.rssMb);
    const canLaunch = all.filter((s) => !s.ending).length < this.options.count;
    return open[0]?.jobs.size === 0 ? open[0] : canLaunch ? 'new' : (open[0] ?? null);
  }

  /**
   * Backfills a core that would idle: while what the head waits for still runs, a later job that fits now,
   * and that could run beside the head on its own, goes ahead. Once those blockers are done no job goes
   * ahead any more, so the head waits at most for jobs already started. The index of that job, or -1.
   */
  private backfill(committed: number, extra: number, budgetMb: number): number {
    const head = this.waiting[0];
    for (let k = 1; k < LOOKAHEAD; k++) {
      if (k === this.waiting.length && !this.pullWaiting()) break;
      const w = this.waiting[k];
      if (committed + w.mb + extra <= budgetMb && this.baseMb + w.mb + this.baseMb + head.mb <= budgetMb) return k;
    }
    return -1;
  }

  /** Nothing runs: retire idle workers that have worked (they keep their high-water RSS); true when any went. */
  private retireIdle(all: Slot<J>[]): boolean {
    let freeing = false;
    for (const s of all) {
      if (!s.ending && s.jobs.size === 0 && s.done > 0) {
        if (!s.retiring) this.stats.recycled++;
        s.retiring = true;
        this.endSlot(s);
        freeing = true;
      }
    }
    return freeing;
  }

  /** Which waiting job goes to `target` now: its index, or -1 to wait (for a result or for memory). */
  private choose(all: Slot<J>[], target: Target<J>): number {
    const extra = target === 'new' ? this.baseMb : 0;
    const heldMb = this.options.held?.mb ?? 0;
    const budgetMb = this.fullBudgetMb() - heldMb;
    const committed = this.committedMb();
    if (committed + this.waiting[0].mb + extra <= budgetMb) return 0;
    if (!this.blockers) {
      this.stats.waitedForMemory++;
      this.blockers = new Set(all.flatMap((s) => [...s.jobs.keys()]));
    }
    const busy = all.some((s) => s.jobs.size > 0 || s.ending);
    if (busy && (target === 'new' || target.jobs.size === 0) && [...this.blockers].some((id) => this.running(id)))
      return this.backfill(committed, extra, budgetMb);
    if (busy) return -1; // wait for the running jobs
    // Nothing runs: make room, and once no idle worker is left the head runs, fitting or not — unless
    // memory is held outside the pool, which the head waits for rather than run past the bound.
    if (this.retireIdle(all)) return -1;
    return heldMb > 0 ? -1 : 0;
  }

  /** Hands out work while there are workers and memory for it; called whenever either frees up. */
  private pump(): void {
    while (!this.finished) {
      if (!this.waiting.length && !this.pullWaiting()) break;
      const all = [...this.slots];
      const target = this.target(all);
      if (!target) break; // every worker is full: a result will call again
      const pick = this.choose(all, target);
      if (pick < 0) break;
      const slot = target === 'new' ? this.launch() : target;
      if (!slot) break;
      const [chosen] = this.waiting.splice(pick, 1);
      if (pick === 0) this.blockers = null;
      this.send(slot, chosen);
    }
    if (this.finished) return;
    for (const s of this.slots) if (s.jobs.size === 0 && (s.retiring || (this.exhausted && !this.waiting.length))) this.endSlot(s);
    if (this.exhausted && !this.waiting.length && this.slots.size === 0) this.finish();
  }
}

/**
 * Runs every job `next()` hands out. Resolves when all are done and every worker has exited;
 * rejects with every failed job listed once the queue has drained (so one bad job does not hide
 * others), or at once, naming the jobs it held, when a worker dies.
 */
export function runPool<J extends PoolJob, R extends PoolResult>(options: PoolOptions<J, R>): Promise<PoolStats> {
  return new Promise((resolve, reject) => new PoolRun<J, R>(options, { resolve, reject }).start());
}
