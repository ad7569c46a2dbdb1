// Read tracking (reads.ts): what a render reads, kept apart between concurrent renders and replayed by memos.
import { describe, expect, it } from 'vitest';
import { collectReads, collectReadsAsync, GENERATED_ON_KEY, memoWithReads, trackRead } from '../../src/portal/reads';

describe('read tracking', () => {
  it('records nothing outside a collection', () => {
    trackRead('task:a/t1'); // no collection: no effect, no error
    expect([...collectReads(() => 0).reads]).toEqual([]);
  });

  it('collects the keys a render reads, once each', () => {
    const { value, reads } = collectReads(() => {
      trackRead('task:a/t1');
      trackRead('task:a/t1');
      trackRead(GENERATED_ON_KEY);
      return 'html';
    });
    expect(value).toBe('html');
    expect([...reads].sort()).toEqual([GENERATED_ON_KEY, 'task:a/t1']);
  });

  it('keeps the reads of concurrent async renders apart', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const render = (id: string) =>
      collectReadsAsync(async () => {
        for (let i = 0; i < 3; i++) {
          await tick();
          trackRead(`task:${id}/t${i}`);
        }
      });
    const [a, b] = await Promise.all([render('a'), render('b')]);
    expect([...a.reads]).toEqual(['task:a/t0', 'task:a/t1', 'task:a/t2']);
    expect([...b.reads]).toEqual(['task:b/t0', 'task:b/t1', 'task:b/t2']);
  });

  it('a memo replays the reads of its first computation on every later use', () => {
    const memo = memoWithReads((o: { id: string }) => {
      trackRead(`task:${o.id}`);
      return o.id.toUpperCase();
    });
    const key = { id: 'x/t1' };
    const first = collectReads(() => memo(key));
    expect(first.value).toBe('X/T1');
    expect([...first.reads]).toEqual(['task:x/t1']);
    // The second page gets the value from the memo, and the read with it.
    const second = collectReads(() => memo(key));
    expect(second.value).toBe('X/T1');
    expect([...second.reads]).toEqual(['task:x/t1']);
  });

  it('nested collections count for the one around them', () => {
    const outer = collectReads(() => {
      const inner = collectReads(() => trackRead('task:b/t2'));
      expect([...inner.reads]).toEqual(['task:b/t2']);
    });
    expect([...outer.reads]).toEqual(['task:b/t2']);
  });
});
