// Unit names in lists: split, cleaned, a dropped shared prefix or suffix restored, checked to look like units.
import { describe, expect, it } from 'vitest';
import type { UnitRef } from '../../../src/domain/types';
import {
  asWritten,
  cleanName,
  looksLikeUnit,
  mergeUnits,
  parseUnitList,
  prefixOf,
  splitOutsideParens,
  splitUnitList,
  withSharedPrefix,
  withSharedSuffix,
} from '../../../src/sources/documents/unit-names';

const units = (list: { name: string; role: string }[]) => list.map((u) => `${u.name}:${u.role}`);
/** withSharedPrefix as "name" or "name(written)". */
const prefixed = (names: string[], carried: string | null = null) =>
  withSharedPrefix(names, carried).map((u) => (u.written ? `${u.name}(${u.written})` : u.name));

describe('looksLikeUnit', () => {
  it.each([
    '地区农牧局',
    '市发展改革委',
    '市委',
    '自治区党委',
    '领导小组办公室',
    '各县（市）人民政府',
    '中国人民银行拉萨中心支行',
    '市发改委等',
    '市督查室',
    '拉萨经开区管委会',
  ])('%s is a unit', (name) => {
    expect(looksLikeUnit(name)).toBe(true);
  });
  it.each(['日土', '噶尔', '2014-2030年', '湖', '小区', '县', '拉萨市', '含存量岗位', '全市', '2018年度考核办'])(
    '%s is no unit',
    (name) => {
      expect(looksLikeUnit(name)).toBe(false);
    },
  );
});

describe('splitUnitList', () => {
  it.each([
    [
      '、 ， 和 及',
      '市发展改革委、市财政局，市水务局和市林草局及市农业农村局',
      ['市发展改革委', '市财政局', '市水务局', '市林草局', '市农业农村局'],
    ],
    [', ; and 与', '市发展改革委,市财政局;市水务局与市林草局', ['市发展改革委', '市财政局', '市水务局', '市林草局']],
    ['a final stop', '市发改委、市财政局。', ['市发改委', '市财政局']],
    ['和 inside a name', '住房和城乡建设局、工业和信息化局', ['住房和城乡建设局', '工业和信息化局']],
    ['和 between places', '各省辖市政府和济源示范区、航空港区管委会', ['各省辖市政府', '济源示范区', '航空港区管委会']],
    ['separators inside brackets', '各县（市、区）人民政府、市财政局', ['各县（市、区）人民政府', '市财政局']],
    ['words that name nobody, then 及', '市级各有关部门及各县市区政府', ['各县市区政府']],
    ['省直有关单位 names nobody', '省财政厅、省直有关单位', ['省财政厅']],
  ])('%s', (_, list, names) => {
    expect(splitUnitList(list)).toEqual(names);
  });

  it.each([
    ['市生态环境局、有关部门', ['市生态环境局']],
    ['市发展改革委、相关单位', ['市发展改革委']],
    ['市发改委、有关方面', ['市发改委']],
    ['市发改委、相关企业', ['市发改委']],
    ['各县区人民政府及有关单位', ['各县区人民政府']],
    ['市发展改革委等有关部门', ['市发展改革委']],
    ['由市发改委会同有关部门', ['市发改委']],
  ])('vague words are dropped: %s', (list, names) => {
    expect(splitUnitList(list)).toEqual(names);
  });

  it('a unit of an owner and a vague word is a unit: 市政府有关部门', () => {
    expect(splitUnitList('市政府有关部门、市财政局')).toEqual(['市政府有关部门', '市财政局']);
  });

  it('其他有关部门 names nobody either', () => {
    expect(splitUnitList('市发改委、其他有关部门')).toEqual(['市发改委']);
  });

  it('和 after a name that has 和 inside it still joins two units', () => {
    expect(splitUnitList('市住房和城乡建设局和市交通运输局')).toEqual(['市住房和城乡建设局', '市交通运输局']);
    expect(splitUnitList('自治区工业和信息化厅及自治区商务厅')).toEqual(['自治区工业和信息化厅', '自治区商务厅']);
  });

  it('splitOutsideParens and cleanName', () => {
    expect(splitOutsideParens('A（B、C）、D(E、F)、G', /[、]/)).toEqual(['A（B、C）', 'D(E、F)', 'G']);
    expect(['、市财政局等有关部门；', '请市财政局', '市 财政局等', '市财政局会同有关部门', '市财政局等相关单位'].map(cleanName)).toEqual(
      Array(5).fill('市财政局'),
    );
  });
});

describe('withSharedPrefix', () => {
  it.each([
    [
      ['地区住房城乡建设局', '交通局'],
      ['地区住房城乡建设局', '地区交通局(交通局)'],
    ],
    [
      ['市委宣传部', '市教育局', '生态环境局'],
      ['市委宣传部', '市教育局', '市生态环境局(生态环境局)'],
    ],
    [
      ['地委宣传部', '组织部'],
      ['地委宣传部', '地委组织部(组织部)'],
    ],
    [
      ['省委宣传部', '组织部'],
      ['省委宣传部', '省委组织部(组织部)'],
    ],
    [
      ['市委宣传部', '统战部'],
      ['市委宣传部', '市委统战部(统战部)'],
    ],
    [
      ['行署办公室', '财政局'],
      ['行署办公室', '地区财政局(财政局)'],
    ],
    [
      ['县政府办', '财政局'],
      ['县政府办', '县财政局(财政局)'],
    ],
    [
      ['自治区发展改革委', '财政厅'],
      ['自治区发展改革委', '自治区财政厅(财政厅)'],
    ],
    [
      ['市发展改革委', '总工会', '妇联'],
      ['市发展改革委', '市总工会(总工会)', '市妇联(妇联)'],
    ],
    [
      ['示范区交通运输局', '市农机局', '住房和城乡建设局'],
      ['示范区交通运输局', '市农机局', '示范区住房和城乡建设局(住房和城乡建设局)'],
    ],
  ])('%j', (names, out) => {
    expect(prefixed(names)).toEqual(out);
  });

  it.each([
    ['vertical agencies', ['市发展改革委', '广元银保监分局', '人行拉萨中心支行营管部', '山东金融监管局', '拉萨海关']],
    ['provinces', ['市发展改革委', '四川省发展改革委', '西藏自治区财政厅']],
    ['national bodies and ministries', ['市发展改革委', '国家发展改革委', '国务院办公厅', '中央网信办', '财政部']],
    ['party bodies naming their level, collectives', ['市发展改革委', '团市委', '各县区人民政府', '有关企业']],
  ])('no prefix for %s', (_, names) => {
    expect(prefixed(names)).toEqual(names);
  });

  it('a name that starts with 市场 is not a prefixed name', () => {
    expect(prefixed(['市生态环境局', '市场监管局'])).toEqual(['市生态环境局', '市市场监管局(市场监管局)']);
    expect(prefixOf('市场监管局')).toBeNull();
  });

  it('a department of the party committee takes the whole committee prefix: 自治区党委宣传部、组织部', () => {
    expect(prefixed(['自治区党委宣传部', '组织部'])).toEqual(['自治区党委宣传部', '自治区党委组织部(组织部)']);
  });

  it('a prefix carried from an earlier list', () => {
    expect(prefixed(['交通局', '财政局'], '地区')).toEqual(['地区交通局(交通局)', '地区财政局(财政局)']);
    expect(prefixed(['交通局'])).toEqual(['交通局']);
  });

  it('prefixOf', () => {
    expect(
      ['市发展改革委', '地区农牧局', '自治区财政厅', '行署办', '地委组织部', '示范区交通局', '州委宣传部', '省级财政厅', '农牧局'].map(
        prefixOf,
      ),
    ).toEqual(['市', '地区', '自治区', '行署', '地委', '示范区', '州委', null, null]);
  });
});

describe('withSharedSuffix', () => {
  it.each([
    [
      ['市州', '县市区人民政府'],
      ['市州人民政府', '县市区人民政府'],
    ],
    [
      ['拉萨经开区', '柳梧新区', '空港新区管委会'],
      ['拉萨经开区管委会', '柳梧新区管委会', '空港新区管委会'],
    ],
    [
      ['各省辖市政府', '济源示范区', '航空港区管委会'],
      ['各省辖市政府', '济源示范区管委会', '航空港区管委会'],
    ],
    [
      ['市发改委', '县人民政府'],
      ['市发改委', '县人民政府'],
    ],
    [
      ['日土', '噶尔'],
      ['日土', '噶尔'],
    ],
  ])('%j', (names, out) => {
    expect(withSharedSuffix(names)).toEqual(out);
  });
});

describe('parseUnitList', () => {
  it('a dropped-prefix name that starts with 市场 is not a prefixed name', () => {
    expect(units(parseUnitList('市发展改革委、市场监管局', 'responsible'))).toEqual([
      '市发展改革委:responsible',
      '市市场监管局:responsible',
    ]);
  });

  it.each([
    ['、', '市州、县市区人民政府'],
    [',', '市州,县市区人民政府'],
  ])('a shared suffix, list separated by %s', (_, list) => {
    expect(units(parseUnitList(list, 'responsible'))).toEqual(['市州人民政府:responsible', '县市区人民政府:responsible']);
  });

  it('a shared prefix, with the role and the written form', () => {
    expect(parseUnitList('交通局、财政局', 'partner', '地区')).toEqual([
      { name: '地区交通局', written: '交通局', role: 'partner' },
      { name: '地区财政局', written: '财政局', role: 'partner' },
    ]);
    expect(parseUnitList('拉萨经开区、柳梧新区、空港新区管委会', 'lead')).toEqual([
      { name: '拉萨经开区管委会', role: 'lead' },
      { name: '柳梧新区管委会', role: 'lead' },
      { name: '空港新区管委会', role: 'lead' },
    ]);
  });
});

describe('mergeUnits', () => {
  it('one entry per name and role, mentioned dropped where a role exists, sorted by role', () => {
    const a: UnitRef[] = [
      { name: 'A', role: 'mentioned' },
      { name: 'B', role: 'partner' },
    ];
    const b: UnitRef[] = [
      { name: 'A', role: 'responsible' },
      { name: 'C', role: 'lead' },
      { name: 'B', role: 'partner' },
      { name: 'D', role: 'supervisor' },
    ];
    expect(units(mergeUnits([a, b, [{ name: 'C', role: 'mentioned' }]]))).toEqual(['C:lead', 'D:supervisor', 'A:responsible', 'B:partner']);
  });
});

describe('asWritten', () => {
  it('keeps the brackets as written: the list was read from the canonical copy', () => {
    const text = '各县(市、区)人民政府、市财政局';
    const canon = '各县（市、区）人民政府、市财政局';
    expect(asWritten(parseUnitList(canon, 'responsible'), canon, text)).toEqual([
      { name: '各县(市、区)人民政府', role: 'responsible' },
      { name: '市财政局', role: 'responsible' },
    ]);
  });

  it('a restored prefix stays, the written part takes the text’s brackets', () => {
    const text = '市发改委、(州)财政局';
    const canon = '市发改委、（州）财政局';
    expect(asWritten([{ name: '市发改委' }, { name: '市（州）财政局', written: '（州）财政局' }], canon, text)).toEqual([
      { name: '市发改委' },
      { name: '市(州)财政局', written: '(州)财政局' },
    ]);
  });

  it('full-width text stays as it is; texts of different lengths are left alone', () => {
    const list = [{ name: '各县（市）人民政府' }];
    expect(asWritten(list, '各县（市）人民政府', '各县（市）人民政府')).toEqual(list);
    expect(asWritten(list, '各县（市）人民政府', '各县(市)人民政府 x')).toEqual(list);
  });
});
