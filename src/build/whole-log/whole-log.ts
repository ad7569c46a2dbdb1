// The build's log arrives whole when it goes to a pipe (CI, `| tee`, the benchmark). Node writes to a
// pipe without blocking and queues what the reader has not taken yet; a process that ends with
// process.exit() (Astro's CLI, src/cli/outputs.ts) drops that queue. An incremental Astro build logs
// one line per reused page in one burst, and at 50,000 tasks its log stopped mid-line after 42,053 of
// them, its summary lines lost. With blocking writes the build waits for the reader instead.

/** What Node's stdout and stderr are made of for a pipe or a terminal: a libuv stream handle. */
interface StdioStream {
  _handle?: { setBlocking?: (blocking: boolean) => number } | null;
}

/** Makes writes to `streams` block until the reader takes them; returns how many streams it changed. */
export function blockingWrites(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): number {
  let changed = 0;
  for (const stream of streams) {
    // A file is written synchronously already; a pipe or terminal has a handle that can block.
    const handle = (stream as unknown as StdioStream)._handle;
    if (typeof handle?.setBlocking === 'function' && handle.setBlocking(true) === 0) changed++;
  }
  return changed;
}
