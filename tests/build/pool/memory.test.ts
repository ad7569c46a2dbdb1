import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  buildMemoryMb,
  buildProcessesRssMb,
  configuredMemoryMb,
  DEFAULT_MEMORY_MB,
  liveMemoryBudgetMb,
  processRssMb,
  releaseMemory,
} from '../../../src/build/pool/memory';
import { readSettings } from '../../../src/config';

const mb = (bytes: number) => bytes / 2 ** 20;

describe('releaseMemory', () => {
  it('returns the free pages of the heap, not only its garbage', () => {
    // Garbage spread over many pages, as ingest leaves it: a plain gc() frees the objects but keeps
    // the pages (measured: 264 MB kept over 87 MB live), so the workers' budget would be understated.
    let garbage: object[] | null = Array.from({ length: 1_500_000 }, (_, i) => ({ i, text: `行${i}` }));
    expect(mb(getHeapStatistics().total_heap_size)).toBeGreaterThan(100);
    garbage = null;
    releaseMemory();
    const after = getHeapStatistics();
    expect(garbage).toBeNull();
    expect(mb(after.total_heap_size - after.used_heap_size)).toBeLessThan(32);
  });
});

describe('the memory bound', () => {
  it('takes QINGDAN_MEMORY_MB as given, else 2 GB at most', () => {
    expect(configuredMemoryMb(readSettings({ QINGDAN_MEMORY_MB: '3814' }))).toBe(3814);
    expect(buildMemoryMb(readSettings({ QINGDAN_MEMORY_MB: ' 3814 ' }))).toBe(3814);
    expect(configuredMemoryMb(readSettings({}))).toBeLessThanOrEqual(DEFAULT_MEMORY_MB);
    expect(configuredMemoryMb(readSettings({ QINGDAN_MEMORY_MB: '' }))).toBe(configuredMemoryMb(readSettings({})));
  });

  it('refuses a setting that is not a number of MiB, rather than falling back to the default', () => {
    for (const raw of ['4G', '0', '-1', 'many']) {
      expect(() => readSettings({ QINGDAN_MEMORY_MB: raw }), raw).toThrow(
        `QINGDAN_MEMORY_MB: expected a number of MiB greater than 0, got "${raw}"`,
      );
    }
  });
});

describe('liveMemoryBudgetMb', () => {
  it('fixes the bound once and follows what this process holds at every call', () => {
    const budget = liveMemoryBudgetMb({ memoryMb: 4000 });
    const before = budget();
    expect(before).toBeCloseTo(4000 - process.memoryUsage.rss() / 2 ** 20, -1);
    const held = Buffer.alloc(200 * 2 ** 20, 1); // 200 MiB this process now holds
    const after = budget();
    expect(before - after).toBeGreaterThan(150);
    expect(held[held.length - 1]).toBe(1);
  });
});

describe('what the build processes hold', () => {
  it("reads a process's RSS from /proc, and 0 for a process that is not there", () => {
    expect(processRssMb(process.pid)).toBeCloseTo(process.memoryUsage.rss() / 2 ** 20, -1);
    expect(processRssMb(2 ** 22 + 1)).toBe(0); // above Linux's largest pid
  });

  it('counts the process that runs the build (QINGDAN_BUILD_PID) beside this one, in the live budget too', async () => {
    // A stand-in for the build process: it holds 200 MiB and says so.
    const child = spawn(
      process.execPath,
      ['-e', "globalThis.b = Buffer.alloc(200 * 2 ** 20, 1); console.log('ready'); setInterval(() => {}, 1000)"],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((ok, fail) => {
        child.stdout!.once('data', () => ok());
        child.once('error', fail);
      });
      const alone = buildProcessesRssMb({});
      const both = buildProcessesRssMb({ buildPid: child.pid });
      expect(both - alone).toBeGreaterThan(190);
      const live = liveMemoryBudgetMb({ memoryMb: 4000, buildPid: child.pid });
      expect(4000 - alone - live()).toBeGreaterThan(190);
    } finally {
      child.kill();
    }
  });
});
