// Long synchronous loops in the build process (making thousands of report specs, checking thousands of
// cache entries) hold the event loop, and with it the work of other processes that wait on this one: the
// Pagefind process indexing beside the PDF stage gets its next records only when the loop runs. A loop
// that awaits a turn-taker gives the event loop a turn every few milliseconds.
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A function to await once per step of a long loop: every `sliceMs` of work it lets the event loop run
 * (I/O callbacks, other processes' messages) before it resolves; otherwise it resolves at once.
 */
export function turnTaker(sliceMs = 10, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < sliceMs) return;
    await nextTurn();
    since = now();
  };
}

/** The items of `items` in an array, giving the event loop a turn every `sliceMs` while they are made. */
export async function collectTakingTurns<T>(items: Iterable<T>, sliceMs = 10): Promise<T[]> {
  const turn = turnTaker(sliceMs);
  const out: T[] = [];
  for (const item of items) {
    out.push(item);
    await turn();
  }
  return out;
}
