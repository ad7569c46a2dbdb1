// Walking the registry (registry.ts): the region hierarchy, successions of reformed departments (机构改革)
// both ways, and partial handovers of duties.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predecessorsOf, regionAncestors, regionDescendants, successorChain, transfersTo } from '../../../src/sources/registry/registry';
import { loadRegistry } from '../../../src/sources/registry/load';
import { resolveUnit } from '../../../src/sources/registry/resolve';
import { fixtures, nameOf, real } from './helpers';

describe('the real registry', () => {
  it('nests regions: 噶尔县 › 阿里地区 › 西藏自治区', () => {
    expect(regionAncestors(real, '542523').map((r) => r.name)).toEqual(['阿里地区', '西藏自治区', '中华人民共和国']);
    expect(real.regionByCode.get('542523')?.level).toBe('county');
    expect(regionAncestors(real, '630123').map((r) => r.name)).toEqual(['西宁市', '青海省', '中华人民共和国']);
    expect(real.regionByCode.get('100000')?.level).toBe('country');
    expect(regionDescendants(real, '542500').map((r) => r.code)).toEqual([
      '542521',
      '542522',
      '542523',
      '542524',
      '542525',
      '542526',
      '542527',
    ]);
    expect(regionDescendants(real, '630200').map((r) => r.code)).toEqual(['630202', '630203', '630222', '630223', '630224', '630225']);
    expect(regionDescendants(real, '540000').map((r) => r.code)).toContain('540122');
    expect(regionAncestors(real, '650000').map((r) => r.code)).toEqual(['100000']);
    expect(regionAncestors(real, '100000')).toEqual([]);
  });

  it('keeps a reformed department and links it to its successor', () => {
    const r = resolveUnit(real, '地区环境保护局', '542500');
    expect(r.verified).toBe(true);
    expect(nameOf(real, r.departmentId)).toBe('阿里地区环境保护局');
    const old = real.departmentById.get(r.departmentId!)!;
    expect(old.successorId).not.toBeNull();
    expect(old.succeededOn).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    expect(successorChain(real, old.id).map((d) => d.name)).toEqual(['阿里地区生态环境局']);
    expect(predecessorsOf(real, '542500-sthj').map((d) => d.id)).toContain(old.id);
    // Other 2018–2019 reforms.
    expect(successorChain(real, resolveUnit(real, '地区国土资源局', '542500').departmentId!).map((d) => d.name)).toEqual([
      '阿里地区自然资源局',
    ]);
    expect(successorChain(real, resolveUnit(real, '区卫生计生委', '540000').departmentId!).map((d) => d.name)).toEqual([
      '西藏自治区卫生健康委员会',
    ]);
    expect(successorChain(real, resolveUnit(real, '区安监局', '540000').departmentId!).map((d) => d.name)).toEqual([
      '西藏自治区应急管理厅',
    ]);
    expect(transfersTo(real, '542500-yingji').map((t) => t.from)).toContain('542500-minzheng');
  });
});

describe('resolveUnit rules (fixture)', () => {
  const reg = loadRegistry(join(fixtures, 'good'));

  it('follows successions both ways, over several steps', () => {
    expect(successorChain(reg, '542500-huanbao').map((d) => d.id)).toEqual(['542500-sthj-old', '542500-sthj']);
    expect(predecessorsOf(reg, '542500-sthj').map((d) => d.id)).toEqual(['542500-sthj-old', '542500-huanbao']);
    expect(predecessorsOf(reg, '542500-linye')).toEqual([]);
    expect(successorChain(reg, '542500-sthj')).toEqual([]);
    expect(reg.departmentById.get('542500-huanbao')?.succeededOn).toBe('2019-03-01');
    expect(reg.departmentById.get('540000-huanbao')?.succeededOn).toBe('2018');
  });

  it('lists partial handovers', () => {
    expect(transfersTo(reg, '542500-yingji')).toEqual([
      { from: '542500-minzheng', to: '542500-yingji', on: '2019', duties: '防灾减灾救灾' },
    ]);
  });
});
