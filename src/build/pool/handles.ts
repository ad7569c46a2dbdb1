// The two kinds of worker a pool runs: threads (the cards) and child processes (the PDF reports: typst's
// native memory only returns to the system when a process exits). Workers are plain .mjs files loaded
// by Node directly, never through Vite: see workerFile().
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
      if (child.exitCode === null && child.signalCode === null)
        setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 5000).unref();
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
