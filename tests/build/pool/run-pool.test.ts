// The pool of worker processes (run-pool.ts): a worker that dies fails the run naming its jobs, and jobs run
// together only while they fit the memory budget. Stand-in workers make the timing visible.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processWorker } from '../../../src/build/pool/handles';
import { HeldMemory } from '../../../src/build/pool/memory';
import { runPool, type PoolResult } from '../../../src/build/pool/run-pool';

const work = mkdtempSync(join(tmpdir(), 'qingdan-pool-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('render processes', () => {
  it('fail the build, naming the reports it held, when a render process dies', async () => {
    const dying = join(work, 'dying.mjs');
    writeFileSync(dying, "process.on('message', () => process.exit(7));\n");
    const jobs = [
      { id: 0, name: '/reports/a.pdf' },
      { id: 1, name: '/reports/b.pdf' },
      { id: 2, name: '/reports/c.pdf' },
    ];
    let i = 0;
    const pool = runPool<(typeof jobs)[number], PoolResult>({
      name: 'pdf',
      count: 1,
      start: () => processWorker(dying),
      next: () => jobs[i++] ?? null,
      onResult: () => {},
      label: (j) => j.name,
    });
    await expect(pool).rejects.toThrow(/^pdf: a worker exited \(code 7\) while rendering \/reports\/a\.pdf, \/reports\/b\.pdf$/);
  });

  describe('within a memory budget', () => {
    // A stand-in render process: sleeps `ms` per job, one job at a time, and says when it ran.
    interface SleepJob {
      id: number;
      ms: number;
      mb: number;
    }
    type SleepResult = PoolResult & { start: number; end: number };
    const sleeper = join(work, 'sleeper.mjs');
    writeFileSync(
      sleeper,
      `let queue = Promise.resolve();
process.on('message', (job) => { queue = queue.then(async () => { const start = Date.now(); await new Promise((r) => setTimeout(r, job.ms)); process.send({ id: job.id, ok: true, start, end: Date.now(), rssMb: 50 }); }); });
process.on('disconnect', () => process.exit(0));
`,
    );
    const run = async (jobs: SleepJob[], budgetMb?: number | (() => number), held?: HeldMemory) => {
      const ran = new Map<number, { start: number; end: number }>();
      let i = 0;
      const stats = await runPool<SleepJob, SleepResult>({
        name: 'test',
        count: 2,
        inFlight: 1,
        start: () => processWorker(sleeper),
        next: () => jobs[i++] ?? null,
        onResult: (r) => ran.set(r.id, r),
        budgetMb,
        held,
        workerBaseMb: 50,
        jobMb: (j) => j.mb,
      });
      return { stats, ran };
    };
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    const big = (id: number): SleepJob => ({ id, ms: 600, mb: 600 });
    const small = (id: number): SleepJob => ({ id, ms: 30, mb: 10 });

    it('never run two jobs at once that do not fit together', async () => {
      const jobs = [big(0), small(1), big(2), small(3), small(4)];
      const free = await run(jobs);
      expect(overlap(free.ran.get(0)!, free.ran.get(2)!)).toBe(true); // the control: without a budget they do
      const bounded = await run(jobs, 1000);
      expect(bounded.ran.size).toBe(jobs.length);
      expect(overlap(bounded.ran.get(0)!, bounded.ran.get(2)!)).toBe(false);
      expect(bounded.stats.waitedForMemory).toBeGreaterThanOrEqual(1);
    }, 30_000);

    it('ask a budget given as a function again at every decision, as the process running the pool grows', async () => {
      const jobs = () => [big(0), big(1), big(2)];
      let asked = 0;
      // 1400 MB when the first job starts (room for two: 2 × (50 + 600)), then 750 (room for one).
      const shrinking = () => (++asked <= 1 ? 1400 : 750);
      const { ran } = await run(jobs(), shrinking);
      expect(ran.size).toBe(3);
      expect(asked).toBeGreaterThan(1);
      for (const [a, b] of [
        [0, 1],
        [1, 2],
        [0, 2],
      ])
        expect(overlap(ran.get(a)!, ran.get(b)!), `jobs ${a} and ${b}`).toBe(false);
      // The control: the same budget as a number, at its first value, runs two at once.
      const fixed = await run(jobs(), 1400);
      expect(overlap(fixed.ran.get(0)!, fixed.ran.get(1)!)).toBe(true);
    }, 30_000);

    it('run a job too big for the budget alone, in a fresh process', async () => {
      const { stats, ran } = await run([small(0), small(1), { id: 2, ms: 300, mb: 5000 }, small(3)], 1000);
      expect(ran.size).toBe(4);
      for (const id of [0, 1, 3]) expect(overlap(ran.get(id)!, ran.get(2)!), `job ${id}`).toBe(false);
      // The processes that had run the small jobs were retired to make room.
      expect(stats.recycled).toBeGreaterThanOrEqual(1);
      expect(stats.started).toBeGreaterThanOrEqual(3);
    }, 30_000);

    it('leave memory held outside the pool free, and start what waited for it once it is given back', async () => {
      const jobs = () => [small(0), big(1), small(2)];
      const control = await run(jobs(), 1000, new HeldMemory());
      const startedAt = Math.min(...[...control.ran.values()].map((r) => r.start));
      expect(control.ran.get(1)!.start - startedAt, 'the control: nothing held, the big job does not wait').toBeLessThan(800);

      const held = new HeldMemory();
      const release = held.hold(700); // 300 of the 1000 MB left: room for the small jobs only
      expect(held.mb).toBe(700);
      let releasedAt = 0;
      setTimeout(() => {
        releasedAt = Date.now();
        release();
        release(); // a second call gives nothing back twice
      }, 800);
      const { ran } = await run(jobs(), 1000, held);
      expect(held.mb).toBe(0);
      expect(ran.size).toBe(3);
      expect(ran.get(0)!.start).toBeLessThan(releasedAt);
      expect(ran.get(1)!.start).toBeGreaterThanOrEqual(releasedAt);
    }, 30_000);
  });
});
