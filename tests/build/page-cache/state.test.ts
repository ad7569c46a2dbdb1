// The status state compared between builds (state.ts): one changed report changes the hashes of exactly
// the fields of its task that show it; the sources hash covers documents and registry only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_ON_KEY, PERIODS_KEY, taskKey } from '../../../src/portal/reads';
import { readState, sourcesHash } from '../../../src/build/page-cache/state';
import { portalWith } from '../../helpers/status-portal';

describe('status state', () => {
  const changedKeys = (before: Record<string, string>, after: Record<string, string>) => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    return Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .sort();
  };
  const T1 = 'ali-2024-shengtai/t1';

  it('one changed status changes the reports, timeline and current status of exactly its task', () => {
    const before = readState(portalWith({ '2020': { status: '尚未启动' } }));
    const after = readState(portalWith({ '2020': { status: '已完成' } }));
    expect(changedKeys(before, after)).toEqual([taskKey(T1, 'current'), taskKey(T1, 'reports'), taskKey(T1, 'timeline')]);
  });

  it('new wording of an earlier report leaves the current status as it was', () => {
    const reports = (progress: string) => ({ '2020': { status: '尚未启动' as const, progress }, '2021': { status: '已完成' as const } });
    const before = readState(portalWith(reports('已部署'), '2021-12-31'));
    const after = readState(portalWith(reports('已部署，正在招标'), '2021-12-31'));
    expect(changedKeys(before, after)).toEqual([taskKey(T1, 'reports'), taskKey(T1, 'timeline')]);
  });

  it('a day on which nothing falls due and no period begins changes only the build date', () => {
    const report = { '2020': { status: '尚未启动' as const } };
    expect(changedKeys(readState(portalWith(report, '2021-03-02')), readState(portalWith(report, '2021-03-03')))).toEqual([
      GENERATED_ON_KEY,
    ]);
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
