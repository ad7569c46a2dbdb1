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

  it('holds at most `limitChars` characters of inputs and results: when full it starts again', () => {
    const calls: string[] = [];
    const same = boundedMemo((s) => (calls.push(s), s), 10); // each entry below holds 2 × 2 characters
    same('aa');
    same('bb');
    same('cc'); // 12 characters would be held: forgets aa and bb
    same('cc');
    same('aa');
    expect(calls).toEqual(['aa', 'bb', 'cc', 'aa']);
  });

  it('never holds a result larger than the bound for long', () => {
    const calls: string[] = [];
    const same = boundedMemo((s) => (calls.push(s), s), 10);
    same('x'.repeat(20));
    same('y');
    same('x'.repeat(20)); // the long one was dropped when y came
    expect(calls).toHaveLength(3);
  });

  it('counts what a result that is not a string holds as it is told', () => {
    const calls: string[] = [];
    const pieces = boundedMemo(
      (s) => (calls.push(s), [...s]),
      10,
      (s) => 2 * s.length,
    );
    expect(pieces('abc')).toEqual(['a', 'b', 'c']);
    expect(pieces('abc')).toBe(pieces('abc'));
    pieces('defg'); // 6 + 8 characters would be held: starts again
    pieces('abc');
    expect(calls).toEqual(['abc', 'defg', 'abc']);
  });
});
