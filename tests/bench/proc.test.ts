// The benchmark's process tree (bench/proc.ts).
import { describe, expect, it } from 'vitest';
import { processTree } from '../../bench/proc';

describe('bench: reading a build log', () => {
  it('walks a process tree from a parent map', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 1],
      [14, 10],
    ]);
    expect(processTree(10, parents).sort()).toEqual([10, 11, 12, 14]);
    expect(processTree(process.pid)).toContain(process.pid);
  });
});
