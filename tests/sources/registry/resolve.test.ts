// Resolving the unit names the plans write to departments (resolve.ts): aliases and typos, the document's
// region before its ancestors, never a guess; and every unit the five real plans name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../src/sources/documents/index';
import { loadRegistry } from '../../../src/sources/registry/load';
import { normalizeUnitName, resolveUnit } from '../../../src/sources/registry/resolve';
import type { Document } from '../../../src/domain/types';
import { fixtures, real, resolvedName, root } from './helpers';

describe('the real registry', () => {
  it('resolves aliases and typos to the right department', () => {
    expect(resolvedName('县发改局', '630123')).toBe('湟源县发展和改革局');
    expect(resolvedName('发改局', '630123')).toBe('湟源县发展和改革局');
    expect(resolvedName('市省自然资源规划局', '630200')).toBe('海东市自然资源和规划局');
    expect(resolvedName('市自然资源规划局', '630200')).toBe('海东市自然资源和规划局');
    expect(resolvedName('地区发展改革委', '542500')).toBe('阿里地区发展和改革委员会');
    expect(resolvedName('地委宣传部', '542500')).toBe('中共阿里地委宣传部');
    expect(resolvedName('区发展委', '540000')).toBe('西藏自治区发展和改革委员会');
    expect(resolvedName('自治区水利厅', '650000')).toBe('新疆维吾尔自治区水利厅');
    // The way a resolution was found is reported.
    expect(resolveUnit(real, '县发改局', '630123')).toEqual({ departmentId: '630123-fgj', verified: true, via: 'alias' });
    expect(resolveUnit(real, '湟源县发展和改革局', '630123').via).toBe('name');
    // A prefecture plan naming an autonomous-region unit finds it one level up.
    expect(resolveUnit(real, '自治区地震局', '542500')).toMatchObject({ departmentId: '540000-dizhen', via: 'ancestor' });
  });

  it('leaves names it cannot know unverified, and never guesses a mutilated one', () => {
    for (const [written, region] of [
      ['区厅', '540000'], // 区环境保护厅 with words lost: could be any 厅
      ['区', '540000'],
      ['市火星探测局', '630200'],
      ['县发改局', '999999'], // unknown region
      ['', '630123'],
    ]) {
      expect(resolveUnit(real, written, region), `${written} @ ${region}`).toEqual({ departmentId: null, verified: false, via: null });
    }
  });
});

describe('resolveUnit rules (fixture)', () => {
  const reg = loadRegistry(join(fixtures, 'good'));

  it('looks in the document region, then above it', () => {
    expect(resolveUnit(reg, '县发改局', '542523')).toEqual({ departmentId: '542523-fgj', verified: true, via: 'alias' });
    expect(resolveUnit(reg, '地区林业局', '542523')).toEqual({ departmentId: '542500-linye', verified: true, via: 'ancestor' });
    expect(resolveUnit(reg, '区发展改革委', '542523')).toEqual({ departmentId: '540000-fgw', verified: true, via: 'ancestor' });
    expect(resolveUnit(reg, '西藏自治区发展和改革委员会', '542500')).toMatchObject({ departmentId: '540000-fgw', via: 'ancestor' });
  });

  it('prefers the document region over an ancestor with the same alias', () => {
    expect(resolveUnit(reg, '地震局', '542500').departmentId).toBe('542500-dizhen');
    expect(resolveUnit(reg, '地震局', '540100').departmentId).toBe('540100-dizhen');
  });

  it('looks below the document region only when one department matches', () => {
    expect(resolveUnit(reg, '拉萨经开区', '540000')).toEqual({ departmentId: '540100-jingkaiqu', verified: true, via: 'alias' });
    expect(resolveUnit(reg, '地震局', '540000')).toEqual({ departmentId: null, verified: false, via: null }); // 拉萨 and 阿里 both
  });

  it('reads the region name in front of a local form', () => {
    expect(resolveUnit(reg, '阿里地区林业局', '542500').departmentId).toBe('542500-linye');
    expect(resolveUnit(reg, '阿里地委宣传部', '542500').departmentId).toBe('542500-xuanchuan');
    expect(resolveUnit(reg, '西藏自治区发展改革委', '542500').departmentId).toBe('540000-fgw');
  });

  it("does not read a document's own prefix as an ancestor's", () => {
    // In a 区 plan, 区发展改革委 is the district's own office, which the registry does not list.
    expect(resolveUnit(reg, '区发展改革委', '540102').verified).toBe(false);
    expect(resolveUnit(reg, '自治区发展改革委', '540102').departmentId).toBe('540000-fgw');
  });

  it('normalises width, spaces and list punctuation', () => {
    expect(normalizeUnitName(' 区\u00a0发展\u3000改革委、')).toBe('区发展改革委');
    expect(normalizeUnitName('区党委党校（行政学院）')).toBe('区党委党校(行政学院)');
    expect(resolveUnit(reg, '地区 环境保护局', '542500').departmentId).toBe('542500-huanbao');
    expect(resolveUnit(reg, '区\u00a0党委宣传部', '540000').departmentId).toBe('540000-xuanchuan');
  });
});

const documents: Document[] = await ingestAll(join(root, 'content/documents'));

describe('every unit the five plans name', () => {
  it('resolves the known-good names and prints the rest', () => {
    const seen = new Map<string, { region: string; verified: boolean }>();
    for (const doc of documents) {
      for (const task of doc.tasks) {
        const names = [...task.units.map((u) => u.name), ...task.measures.flatMap((m) => m.units.map((u) => u.name))];
        for (const name of names) {
          seen.set(`${doc.meta.regionCode} ${name}`, {
            region: doc.meta.regionCode,
            verified: resolveUnit(real, name, doc.meta.regionCode).verified,
          });
        }
      }
    }
    const unverified = [...seen].filter(([, v]) => !v.verified).map(([k]) => k);
    console.log(`units: ${seen.size} distinct names, ${unverified.length} unverified:\n  ${unverified.join('\n  ')}`);

    const knownGood: Array<[string, string, string]> = [
      ['542500', '地区发展改革委', '542500-fgw'],
      ['542500', '地区环境保护局', '542500-huanbao'],
      ['542500', '地区卫生计生委', '542500-weijiwei'],
      ['542500', '地区交通局', '542500-jiaotong'],
      ['542500', '地委宣传部', '542500-xuanchuan'],
      ['630200', '市发展改革委', '630200-fgw'],
      ['630200', '市省自然资源规划局', '630200-zrzygh'],
      ['630200', '各县区人民政府', '630200-ge-xianqu-zhengfu'],
      ['630200', '市政府有关部门', '630200-zhengfu-youguan-bumen'],
      ['630123', '县发改局', '630123-fgj'],
      ['630123', '发改局', '630123-fgj'],
      ['630123', '各乡镇人民政府', '630123-ge-xiangzhen-zhengfu'],
      ['650000', '自治区生态环境厅', '650000-sthj'],
      ['650000', '自治区水利厅', '650000-shuili'],
      ['540000', '区发展委', '540000-fgw'],
      ['540000', '区(中)直有关部门', '540000-quzhong-zhi-bumen'],
      ['540000', '区工业和信息厅', '540000-gongxin'],
    ];
    for (const [region, name, id] of knownGood) {
      const written = [...seen.keys()].find((k) => normalizeUnitName(k) === normalizeUnitName(`${region} ${name}`));
      expect(written, `the ingest yields ${name} for ${region}`).toBeDefined();
      expect(resolveUnit(real, name, region).departmentId, name).toBe(id);
    }
    // The registry covers the plans: most written forms resolve.
    expect(seen.size).toBeGreaterThan(100);
    expect(unverified.length / seen.size).toBeLessThan(0.1);
  });
});
