// The status state compared between builds (state.ts): one changed report changes the hash of exactly its
// task; the sources hash covers documents and registry only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERIODS_KEY } from '../../../src/portal/reads';
import { readState, sourcesHash } from '../../../src/build/page-cache/state';
import { portalWith } from '../../helpers/status-portal';

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
