// Worker threads that render cards in parallel, on the pool shared with the PDF stage
// (src/build/pool/). Each worker parses the fonts once and then draws whatever trees it is sent;
// the main thread builds the trees (cheap) and keeps every worker busy.
import type { RendererOptions } from './render-core.mjs';
import { threadWorker, workerFile } from '../../build/pool/handles.ts';
import { runPool } from '../../build/pool/run-pool.ts';

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
  return workerFile(import.meta.url, 'worker.mjs', root, 'src/outputs/cards');
}

/**
 * Render every job `next()` hands out on `count` workers. Resolves when all are done; rejects with
 * every failure listed once the queue has drained, so one bad card does not hide others.
 */
export async function renderInWorkers(
  count: number,
  next: () => RenderJob | null,
  options: RendererOptions,
  onResult: (result: JobResult) => void,
  file = workerPath(),
): Promise<void> {
  await runPool<RenderJob, JobResult>({
    name: 'cards',
    noun: 'card',
    count,
    start: () => threadWorker(file, options),
    next,
    onResult: (result) => onResult(result),
  });
}
