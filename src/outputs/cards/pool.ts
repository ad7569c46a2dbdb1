// Worker threads that render cards in parallel. Each worker parses the fonts once and then draws
// whatever trees it is sent; the main thread builds the trees (cheap) and keeps every worker busy.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RendererOptions } from './render-core.mjs';

export interface RenderJob {
  id: number;
  tree: unknown;
  /** Where the PNG is cached; null renders without caching. */
  cachePath: string | null;
  outPaths: string[];
}

export interface JobResult {
  id: number;
  ok: boolean;
  ms?: number;
  /** CPU time the worker thread spent on the job. */
  cpuMs?: number;
  bytes?: number;
  error?: string;
}

/** The plain-JS worker next to this file; `root` finds it when this module runs bundled elsewhere. */
export function workerPath(root?: string): string {
  const here = fileURLToPath(new URL('./worker.mjs', import.meta.url));
  if (existsSync(here)) return here;
  if (root) {
    const fromRoot = `${root.replace(/\/$/, '')}/src/outputs/cards/worker.mjs`;
    if (existsSync(fromRoot)) return fromRoot;
  }
  throw new Error(`cards: worker.mjs not found next to ${here}`);
}

/** Jobs each worker holds at once: one drawing, one waiting, so no worker idles between messages. */
const IN_FLIGHT = 2;

/**
 * Render every job `next()` hands out on `count` workers. Resolves when all are done; rejects with
 * every failure listed once the queue has drained, so one bad card does not hide others.
 */
export function renderInWorkers(
  count: number,
  next: () => RenderJob | null,
  options: RendererOptions,
  onResult: (result: JobResult) => void,
  file = workerPath(),
): Promise<void> {
  return new Promise((resolvePool, rejectPool) => {
    const failures: string[] = [];
    const workers: Worker[] = [];
    let live = 0;
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else if (failures.length) rejectPool(new Error(`cards: ${failures.length} card(s) failed to render:\n${failures.slice(0, 10).join('\n')}`));
      else resolvePool();
    };
    const feed = (worker: Worker, state: { inFlight: number }) => {
      while (state.inFlight < IN_FLIGHT) {
        const job = next();
        if (!job) break;
        state.inFlight++;
        worker.postMessage(job);
      }
      if (state.inFlight === 0) {
        live--;
        void worker.terminate();
        if (live === 0) finish();
      }
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, { workerData: options });
      const state = { inFlight: 0 };
      workers.push(worker);
      live++;
      worker.on('message', (result: JobResult) => {
        state.inFlight--;
        if (!result.ok) failures.push(`  job ${result.id}: ${result.error}`);
        onResult(result);
        feed(worker, state);
      });
      worker.on('error', (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => {
        if (code !== 0 && !finished && state.inFlight > 0) finish(new Error(`cards: a render worker exited with code ${code}`));
      });
      feed(worker, state);
    }
    if (count === 0) finish();
  });
}
