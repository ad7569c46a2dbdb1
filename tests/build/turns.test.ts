// The turn-taker: a long loop that awaits it lets I/O callbacks run between its steps, but only every
// slice of work, so that a short loop does not pay for a turn at every step.
import { describe, expect, it } from 'vitest';
import { collectTakingTurns, turnTaker } from '../../src/build/turns';

/** Busy work of about `ms` milliseconds on this thread. */
const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('turnTaker', () => {
  it('lets a callback queued by the loop run while the loop is still going', async () => {
    const turn = turnTaker(5);
    let ranAtStep = -1;
    setImmediate(() => (ranAtStep = step));
    let step = 0;
    for (; step < 20; step++) {
      spin(2);
      await turn();
    }
    expect(ranAtStep).toBeGreaterThan(0);
    expect(ranAtStep).toBeLessThan(20);
  });

  it('without it, the same loop holds the callback until it ends', async () => {
    let ranAtStep = -1;
    setImmediate(() => (ranAtStep = step));
    let step = 0;
    for (; step < 20; step++) {
      spin(2);
      await Promise.resolve();
    }
    await new Promise((ok) => setImmediate(ok));
    expect(ranAtStep).toBe(20);
  });

  it('takes a turn only once a slice of work has passed', async () => {
    let clock = 0;
    const turn = turnTaker(10, () => clock);
    let turns = 0;
    for (let i = 0; i < 30; i++) {
      clock += 1;
      let resolvedInMicrotasks = false;
      const p = turn().then(() => (resolvedInMicrotasks = true));
      await Promise.resolve();
      await Promise.resolve();
      if (!resolvedInMicrotasks) turns++;
      await p;
    }
    expect(turns).toBe(3); // at 10, 20 and 30 ms of the fake clock
  });
});

describe('collectTakingTurns', () => {
  it('collects every item in order', async () => {
    function* items() {
      for (let i = 0; i < 1000; i++) yield i;
    }
    expect(await collectTakingTurns(items(), 0)).toEqual([...items()]);
  });
});
