// Seeded random streams (rng.ts).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/synth/rng';

describe('determinism', () => {
  it('seeded streams are stable and forks independent', () => {
    const r = createRng(42);
    const first = [r.next(), r.next(), r.next()];
    const again = createRng(42);
    expect([again.next(), again.next(), again.next()]).toEqual(first);
    expect(createRng(42).fork('a').next()).not.toBe(createRng(42).fork('b').next());
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 7);
      expect(v >= 3 && v <= 7 && Number.isInteger(v)).toBe(true);
    }
  });
});
