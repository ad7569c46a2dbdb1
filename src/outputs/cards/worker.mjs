// A card-rendering worker thread: receives the fonts once (workerData), then jobs {id, tree, cachePath, outPaths}.
// It writes the PNG into the cache with its hash (src/build/cache-entry.mjs: a half-written or damaged
// file is never reused) and places it at every output path (a hard link to the cache entry, see place.mjs).
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './render-core.mjs';
import { placeFile } from '../../build/place.mjs';
import { writeEntryAsync } from '../../build/cache-entry.mjs';

const render = createRenderer(workerData);

async function place(png, cachePath, outPaths) {
  if (cachePath) await writeEntryAsync(cachePath, png);
  for (const out of outPaths) {
    if (cachePath) {
      placeFile(cachePath, out);
      continue;
    }
    await mkdir(dirname(out), { recursive: true });
    await unlink(out).catch(() => {}); // never write through an old link into a cache entry
    await writeFile(out, png);
  }
}

// One job at a time: satori is async, and interleaved jobs would only thrash caches and blur the
// per-card CPU figure. The pool keeps the next job queued here so the thread never waits for it.
let queue = Promise.resolve();
parentPort.on('message', (job) => {
  queue = queue.then(() => run(job));
});

async function run(job) {
  const started = performance.now();
  // CPU time of this thread alone: a fair per-card cost even when other processes share the cores.
  const cpu = process.threadCpuUsage?.();
  try {
    const png = await render(job.tree);
    await place(png, job.cachePath, job.outPaths);
    const used = cpu ? process.threadCpuUsage(cpu) : null;
    parentPort.postMessage({
      id: job.id,
      ok: true,
      ms: performance.now() - started,
      cpuMs: used ? (used.user + used.system) / 1000 : undefined,
      bytes: png.length,
    });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String(error?.stack ?? error) });
  }
}
