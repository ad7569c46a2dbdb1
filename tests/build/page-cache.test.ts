// Incremental pages: read tracking (src/portal/reads.ts), the status state compared between builds
// (state.ts) and the key plan (plan.ts). tests/e2e/incremental.test.ts checks the whole thing against
// a full build, byte for byte.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Portal } from '../../src/portal/types';
import type { Department, Region } from '../../src/domain/types';
import {
  collectReads,
  collectReadsAsync,
  GENERATED_ON_KEY,
  HAS_DEMO_KEY,
  memoWithReads,
  PERIODS_KEY,
  taskKey,
  trackRead,
} from '../../src/portal/reads';
import { nextRecord, pageId, planKeys, type PageRecord } from '../../src/build/page-cache/plan';
import { readState, sourcesHash } from '../../src/build/page-cache/state';
import { fixturePortal, type SpecDocument } from '../fixtures/portal';

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

const regions: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
];
const departments: Department[] = [
  {
    id: '542500-sthj',
    name: '阿里地区生态环境局',
    regionCode: '542500',
    aliases: [],
    successorId: null,
    succeededOn: null,
    collective: false,
  },
];

function portalWith(t1Reports: SpecDocument['tasks'][number]['reports']): Portal {
  return fixturePortal(
    [
      {
        slug: 'ali-2024-shengtai',
        regionCode: '542500',
        tasks: [
          { localId: 't1', text: '加强草原生态保护修复。', units: [{ name: '阿里地区生态环境局', role: 'lead' }], reports: t1Reports },
          {
            localId: 't2',
            text: '推进退牧还草工程建设。',
            units: [{ name: '阿里地区生态环境局', role: 'lead' }],
            reports: { '2020': { status: '达到序时进度' } },
          },
        ],
      },
    ],
    { regions, departments },
  );
}

describe('the portal reports reads of status data, and only of status data', () => {
  const portal = portalWith({ '2020': { status: '尚未启动' } });
  const tv = portal.taskById.get('ali-2024-shengtai/t1')!;

  it.each(['current', 'timeline', 'reports', 'demo'] as const)('task view .%s is a read of the task', (field) => {
    expect([...collectReads(() => tv[field]).reads]).toEqual([taskKey(tv.task.id)]);
  });

  it('the task, its document and units are structure: no read', () => {
    const { reads } = collectReads(() => [
      tv.task.text,
      tv.document.title,
      tv.units.length,
      tv.primaryUnits,
      tv.url,
      portal.departments[0].primary.length,
    ]);
    expect([...reads]).toEqual([]);
  });

  it('build date, demo flag and periods are reads of their own keys', () => {
    const { reads } = collectReads(() => [portal.generatedOn, portal.hasDemo, portal.periodsByDocument.size]);
    expect([...reads].sort()).toEqual([GENERATED_ON_KEY, HAS_DEMO_KEY, PERIODS_KEY].sort());
  });
});

describe('status state', () => {
  it('one changed report changes the hash of exactly its task', () => {
    const before = readState(portalWith({ '2020': { status: '尚未启动' } }));
    const after = readState(portalWith({ '2020': { status: '已完成' } }));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual(['task:ali-2024-shengtai/t1']);
  });

  it('the same input gives the same state', () => {
    expect(readState(portalWith({ '2020': { status: '尚未启动' } }))).toEqual(readState(portalWith({ '2020': { status: '尚未启动' } })));
  });

  it('a report for a new period changes the periods too', () => {
    const before = readState(portalWith({ '2020': { status: '尚未启动' } }));
    const after = readState(portalWith({ '2020': { status: '尚未启动' }, '2021': { status: '已完成' } }));
    expect(after[PERIODS_KEY]).not.toBe(before[PERIODS_KEY]);
  });

  it('the sources hash covers documents and registry, not status files', () => {
    const root = mkdtempSync(join(tmpdir(), 'qingdan-sources-'));
    for (const dir of ['documents', 'registry', 'status/doc']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'documents/doc.txt'), '一、任务');
    writeFileSync(join(root, 'registry/regions.yaml'), 'regions: []');
    writeFileSync(join(root, 'status/doc/2020.yaml'), 'reports: []');
    const first = sourcesHash(root);
    writeFileSync(join(root, 'status/doc/2020.yaml'), 'reports: [1]');
    expect(sourcesHash(root)).toBe(first);
    writeFileSync(join(root, 'registry/regions.yaml'), 'regions: [1]');
    expect(sourcesHash(root)).not.toBe(first);
  });
});

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
