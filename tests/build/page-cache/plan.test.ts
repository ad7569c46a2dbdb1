// The key plan of incremental page builds (plan.ts): a page keeps its key while what it read is unchanged.
import { describe, expect, it } from 'vitest';
import { GENERATED_ON_KEY } from '../../../src/portal/reads';
import { nextRecord, pageId, planKeys, type PageRecord } from '../../../src/build/page-cache/plan';

describe('key plan', () => {
  const state = { 'task:a/t1': 'h1', 'task:a/t2': 'h2', [GENERATED_ON_KEY]: 'd' };
  const inputs = { sources: 'S', state };
  const pages = ['/tasks/a/t1/', '/tasks/a/t2/', '/documents/a/'];
  const readsOf: Record<string, string[]> = {
    '/tasks/a/t1': ['task:a/t1'],
    '/tasks/a/t2': ['task:a/t2'],
    '/documents/a': ['task:a/t1', 'task:a/t2', GENERATED_ON_KEY],
  };
  /** One build: keys from the plan, every page whose key is new "rendered" with its reads. */
  function build(previous: PageRecord | null, buildInputs: typeof inputs) {
    const plan = planKeys(previous, buildInputs);
    const keys = new Map(pages.map((p) => [p, plan.keyFor(p)]));
    const rendered = new Map<string, Set<string>>();
    for (const [p, key] of keys) if (previous?.pages[pageId(p)]?.cacheKey !== key) rendered.set(pageId(p), new Set(readsOf[pageId(p)]));
    return { keys, rendered, record: nextRecord(previous, buildInputs, keys, rendered) };
  }

  it('page ids ignore the trailing slash, index.html and percent-encoding', () => {
    expect(pageId('/units/%E5%8C%BA/')).toBe('/units/区');
    expect(pageId('/tasks/a/t1/index.html')).toBe('/tasks/a/t1');
    expect(pageId('/')).toBe('/');
  });

  it('a first build renders everything; an unchanged rebuild nothing', () => {
    const first = build(null, inputs);
    expect(first.rendered.size).toBe(3);
    const second = build(first.record, inputs);
    expect(second.rendered.size).toBe(0);
    expect([...second.keys]).toEqual([...first.keys]);
  });

  it('a changed task re-renders exactly the pages that read it, and the record keeps the others’ reads', () => {
    const first = build(null, inputs);
    const second = build(first.record, { ...inputs, state: { ...state, 'task:a/t2': 'h2-new' } });
    expect([...second.rendered.keys()].sort()).toEqual(['/documents/a', '/tasks/a/t2']);
    // The page not rendered keeps what it read when it was.
    const t1 = second.record.pages['/tasks/a/t1'];
    expect(t1.reads.map((i) => second.record.keys[i])).toEqual(['task:a/t1']);
    // And a later change to that task still finds it.
    const third = build(second.record, { ...inputs, state: { ...state, 'task:a/t2': 'h2-new', 'task:a/t1': 'h1-new' } });
    expect([...third.rendered.keys()].sort()).toEqual(['/documents/a', '/tasks/a/t1']);
  });

  it('a new build date re-renders the pages that show it', () => {
    const first = build(null, inputs);
    const second = build(first.record, { ...inputs, state: { ...state, [GENERATED_ON_KEY]: 'd2' } });
    expect([...second.rendered.keys()]).toEqual(['/documents/a']);
  });

  it('changed sources re-render every page', () => {
    const first = build(null, inputs);
    expect(build(first.record, { ...inputs, sources: 'S2' }).rendered.size).toBe(3);
  });

  it('a page that read a key the state does not know is never reused', () => {
    const plan = planKeys(null, inputs);
    const keys = new Map([['/x/', plan.keyFor('/x/')]]);
    const record = nextRecord(null, inputs, keys, new Map([['/x', new Set(['task:gone'])]]));
    expect(record.pages['/x']).toBeUndefined();
  });
});
