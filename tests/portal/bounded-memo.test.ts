import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/portal/bounded-memo';

describe('boundedMemo', () => {
  it('calls the function once per distinct input and returns its result each time', () => {
    const calls: string[] = [];
    const upper = boundedMemo((s) => {
      calls.push(s);
      return s.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('holds at most `limit` results: when full it starts again', () => {
    const calls: string[] = [];
    const same = boundedMemo((s) => (calls.push(s), s), 2);
    same('a');
    same('b');
    same('c'); // full: forgets a and b
    same('c');
    same('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
