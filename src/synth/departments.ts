// Departments of every synthetic region: official names, the short forms documents write, and the
// 机构改革 successions (环境保护局 → 生态环境局…) that real registries have to follow.
import type { Department } from '../domain/types';
import type { SynthRegion } from './regions';

type Level = SynthRegion['level'];

interface Naming {
  /** Official name without the region: 发展和改革委员会. */
  official: Record<Level, string>;
  /** What documents write after the local prefix: 发展改革委, 发改委. The first is the usual one. */
  short: Record<Level, string[]>;
}

export interface DepartmentKind extends Naming {
  key: string;
  /** Before the 机构改革, where the department had another name (and a registry entry of its own). */
  predecessor?: Naming & { key: string };
  /** Party committee departments take the party prefix: 地委宣传部. */
  party?: boolean;
}

const same = (s: string): Record<Level, string> => ({ province: s, prefecture: s, county: s });
const sameList = (s: string[]): Record<Level, string[]> => ({ province: s, prefecture: s, county: s });
/** 厅 at the province, 局 below it. */
const ting = (base: string, shortBase: string[] = []): Naming => ({
  official: { province: `${base}厅`, prefecture: `${base}局`, county: `${base}局` },
  short: {
    province: [`${base}厅`, ...shortBase.map((s) => `${s}厅`)],
    prefecture: [`${base}局`, ...shortBase.map((s) => `${s}局`)],
    county: [`${base}局`, ...shortBase.map((s) => `${s}局`)],
  },
});

export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  {
    key: 'fgw',
    official: { province: '发展和改革委员会', prefecture: '发展和改革委员会', county: '发展和改革局' },
    short: { province: ['发展改革委', '发改委'], prefecture: ['发展改革委', '发改委'], county: ['发改局', '发展改革局'] },
  },
  {
    key: 'sthj',
    ...ting('生态环境'),
    predecessor: { key: 'hbj', ...ting('环境保护', ['环保']) },
  },
  {
    key: 'zrzy',
    ...ting('自然资源'),
    predecessor: { key: 'gtzy', ...ting('国土资源') },
  },
  {
    key: 'nync',
    ...ting('农业农村'),
    predecessor: { key: 'nm', ...ting('农牧') },
  },
  {
    key: 'lc',
    official: same('林业和草原局'),
    short: sameList(['林草局', '林业和草原局']),
    predecessor: {
      key: 'ly',
      official: { province: '林业厅', prefecture: '林业局', county: '林业局' },
      short: { province: ['林业厅'], prefecture: ['林业局'], county: ['林业局'] },
    },
  },
  { key: 'sl', ...ting('水利') },
  {
    key: 'zj',
    official: { province: '住房和城乡建设厅', prefecture: '住房和城乡建设局', county: '住房和城乡建设局' },
    short: { province: ['住房城乡建设厅', '住建厅'], prefecture: ['住房城乡建设局', '住建局'], county: ['住建局', '住房城乡建设局'] },
  },
  {
    key: 'jt',
    official: { province: '交通运输厅', prefecture: '交通运输局', county: '交通运输局' },
    short: { province: ['交通运输厅'], prefecture: ['交通运输局', '交通局'], county: ['交通局', '交通运输局'] },
  },
  {
    key: 'gx',
    official: { province: '工业和信息化厅', prefecture: '工业和信息化局', county: '工业和信息化局' },
    short: { province: ['工业和信息化厅', '工信厅'], prefecture: ['工业和信息化局', '工信局'], county: ['工信局'] },
  },
  { key: 'cz', ...ting('财政') },
  { key: 'sw', ...ting('商务') },
  {
    key: 'wl',
    official: { province: '文化和旅游厅', prefecture: '文化和旅游局', county: '文化和旅游局' },
    short: { province: ['文化和旅游厅', '文旅厅'], prefecture: ['文化和旅游局', '文旅局'], county: ['文旅局'] },
    predecessor: {
      key: 'lyw',
      official: same('旅游发展委员会'),
      short: sameList(['旅游发展委', '旅发委']),
    },
  },
  {
    key: 'wj',
    official: { province: '卫生健康委员会', prefecture: '卫生健康委员会', county: '卫生健康局' },
    short: { province: ['卫生健康委', '卫健委'], prefecture: ['卫生健康委', '卫健委'], county: ['卫健局'] },
    predecessor: {
      key: 'wjw',
      official: { province: '卫生和计划生育委员会', prefecture: '卫生和计划生育委员会', county: '卫生和计划生育局' },
      short: { province: ['卫生计生委'], prefecture: ['卫生计生委'], county: ['卫计局'] },
    },
  },
  {
    key: 'rs',
    official: { province: '人力资源和社会保障厅', prefecture: '人力资源和社会保障局', county: '人力资源和社会保障局' },
    short: { province: ['人力资源社会保障厅', '人社厅'], prefecture: ['人力资源社会保障局', '人社局'], county: ['人社局'] },
  },
  {
    key: 'sj',
    official: same('市场监督管理局'),
    short: sameList(['市场监管局']),
  },
  { key: 'tj', official: same('统计局'), short: sameList(['统计局']) },
  { key: 'ga', ...ting('公安') },
  {
    key: 'kj',
    official: { province: '科学技术厅', prefecture: '科学技术局', county: '科学技术局' },
    short: { province: ['科技厅'], prefecture: ['科技局'], county: ['科技局'] },
  },
  { key: 'jy', ...ting('教育') },
  { key: 'qx', official: same('气象局'), short: sameList(['气象局']) },
  {
    key: 'yj',
    official: { province: '应急管理厅', prefecture: '应急管理局', county: '应急管理局' },
    short: { province: ['应急管理厅', '应急厅'], prefecture: ['应急管理局', '应急局'], county: ['应急局'] },
  },
  { key: 'xcb', party: true, official: same('宣传部'), short: sameList(['宣传部']) },
  { key: 'zzb', party: true, official: same('组织部'), short: sameList(['组织部']) },
  // Supervisors of rectification plans: 区督查室, 区党委督查室.
  { key: 'dcs', official: same('人民政府督查室'), short: sameList(['督查室']) },
  { key: 'dwdcs', party: true, official: same('督查室'), short: sameList(['督查室']) },
];

export const KIND_BY_KEY = new Map(DEPARTMENT_KINDS.map((k) => [k.key, k]));

/** A department of the registry (id `${regionCode}-${key}`; aliases as documents of the region write it), with its kind. */
export interface SynthDepartment extends Department {
  key: string;
}

function prefixFor(region: SynthRegion, party: boolean | undefined): string[] {
  return party ? [region.partyPrefix] : [region.prefix, ...region.altPrefixes];
}

/** The official name: 合成地区0105农业农村局; party departments: 中共合成地区0105委员会宣传部. */
function officialName(region: SynthRegion, naming: Naming, party: boolean | undefined): string {
  const own = naming.official[region.level];
  return party ? `中共${region.name}委员会${own}` : `${region.name}${own}`;
}

function aliasesFor(region: SynthRegion, naming: Naming, party: boolean | undefined): string[] {
  const out: string[] = [];
  const forms = [...naming.short[region.level], naming.official[region.level]];
  for (const p of prefixFor(region, party)) for (const s of forms) out.push(p + s);
  return [...new Set(out)];
}

/** Every department of a region, predecessors included, plus the collective of the level below. */
export function departmentsOf(region: SynthRegion): SynthDepartment[] {
  const out: SynthDepartment[] = [];
  for (const kind of DEPARTMENT_KINDS) {
    const id = `${region.code}-${kind.key}`;
    out.push({
      id,
      key: kind.key,
      name: officialName(region, kind, kind.party),
      regionCode: region.code,
      aliases: aliasesFor(region, kind, kind.party),
      successorId: null,
      succeededOn: null,
      collective: false,
    });
    if (kind.predecessor) {
      out.push({
        id: `${region.code}-${kind.predecessor.key}`,
        key: kind.predecessor.key,
        name: officialName(region, kind.predecessor, kind.party),
        regionCode: region.code,
        aliases: aliasesFor(region, kind.predecessor, kind.party),
        successorId: id,
        succeededOn: region.reformOn,
        collective: false,
      });
    }
  }
  out.push({
    id: `${region.code}-xiaji`,
    key: 'xiaji',
    name: region.collective,
    regionCode: region.code,
    aliases: [region.collective],
    successorId: null,
    succeededOn: null,
    collective: true,
  });
  // 市政府有关部门: the departments at large, as 工作要点 write it.
  const youguan = region.style === 'diqu' ? '行署有关部门' : `${region.prefix}政府有关部门`;
  out.push({
    id: `${region.code}-youguan`,
    key: 'youguan',
    name: youguan,
    regionCode: region.code,
    aliases: [youguan],
    successorId: null,
    succeededOn: null,
    collective: true,
  });
  return out;
}

/** A unit as a document writes it: the prefix, and the short form of the name valid on `date`. */
export interface WrittenUnit {
  /** Full form with the prefix: 地区农牧局. */
  name: string;
  /** The prefix that a list may drop after its first item: 地区. */
  prefix: string;
  /** The rest: 农牧局. */
  rest: string;
  departmentId: string;
}

/** How a document dated `date` names the department `key` of `region` (the old name before the reform). */
export function writeUnit(region: SynthRegion, key: string, date: string, variant: number): WrittenUnit {
  const kind = KIND_BY_KEY.get(key);
  if (!kind) throw new Error(`unknown department kind ${key}`);
  const old = kind.predecessor && date < region.reformOn;
  const naming: Naming = old ? kind.predecessor! : kind;
  const prefix = kind.party ? region.partyPrefix : region.prefix;
  const shorts = naming.short[region.level];
  const rest = shorts[variant % shorts.length];
  return { name: prefix + rest, prefix, rest, departmentId: `${region.code}-${old ? kind.predecessor!.key : kind.key}` };
}
