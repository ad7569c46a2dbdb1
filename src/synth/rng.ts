// A small seeded generator: the synthetic corpus must be byte-identical for the same seed and size,
// on every machine and Node version, so nothing here may touch Math.random, Date.now or locale APIs.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in a random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent stream for a named sub-part, so adding one part does not shift all others. */
  fork(label: string): Rng;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for seeding forks. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: small, fast, and well distributed for test data; four 32-bit words of state. */
export function createRng(seed: number | string): Rng {
  const s = typeof seed === 'number' ? `n${seed}` : `s${seed}`;
  let a = hash32(s + '/a');
  let b = hash32(s + '/b');
  let c = hash32(s + '/c');
  let d = hash32(s + '/d') | 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 from nearby seeds are correlated.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    sample(items, count) {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    fork(label) {
      return createRng(`${s}>${label}`);
    },
  };
  return rng;
}
