// The registry of regions and departments: the real one under content/registry/ must load and
// resolve what the plans write; the fixtures under tests/fixtures/registry/ pin the resolver's
// rules and the message of every validation error (file, line, field).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/repo';
import { parse } from 'yaml';
import {
  departmentsOfRegion,
  predecessorsOf,
  regionAncestors,
  regionDescendants,
  successorChain,
  transfersTo,
  type Registry,
} from '../../../src/sources/registry/registry';
import { loadRegistry } from '../../../src/sources/registry/load';
import { normalizeUnitName, resolveUnit } from '../../../src/sources/registry/resolve';
import { unverifiedUnits, resolveUnitRef } from '../../../src/sources/registry/units';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import type { Document, Task } from '../../../src/domain/types';

const root = REPO_ROOT;
const fixtures = join(root, 'tests/fixtures/registry');
const real = loadRegistry(join(root, 'content/registry'));

const nameOf = (reg: Registry, id: string | null) => (id ? reg.departmentById.get(id)?.name : undefined);
const resolvedName = (written: string, region: string) => nameOf(real, resolveUnit(real, written, region).departmentId);

describe('the real registry', () => {
  it('loads regions and departments', () => {
    expect(real.regions.length).toBeGreaterThanOrEqual(30);
    expect(real.departments.length).toBeGreaterThanOrEqual(150);
  });

  it('knows the region of every document', () => {
    const dir = join(root, 'content/documents');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const meta = parse(readFileSync(join(dir, f), 'utf8')) as { region: string };
      expect(real.regionByCode.has(String(meta.region)), `${f}: region ${meta.region}`).toBe(true);
    }
  });

  it('has the official codes of the regions the plans cover', () => {
    const codes: Record<string, string> = {
      西藏自治区: '540000',
      拉萨市: '540100',
      当雄县: '540122',
      日喀则市: '540200',
      昌都市: '540300',
      林芝市: '540400',
      山南市: '540500',
      那曲市: '540600',
      阿里地区: '542500',
      普兰县: '542521',
      札达县: '542522',
      噶尔县: '542523',
      日土县: '542524',
      革吉县: '542525',
      改则县: '542526',
      措勤县: '542527',
      青海省: '630000',
      西宁市: '630100',
      湟源县: '630123',
      海东市: '630200',
      乐都区: '630202',
      平安区: '630203',
      新疆维吾尔自治区: '650000',
    };
    for (const [name, code] of Object.entries(codes)) expect(real.regionByCode.get(code)?.name, code).toBe(name);
  });

  it('nests regions: 噶尔县 › 阿里地区 › 西藏自治区', () => {
    expect(regionAncestors(real, '542523').map((r) => r.name)).toEqual(['阿里地区', '西藏自治区']);
    expect(real.regionByCode.get('542523')?.level).toBe('county');
    expect(regionAncestors(real, '630123').map((r) => r.name)).toEqual(['西宁市', '青海省']);
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
    expect(regionAncestors(real, '650000')).toEqual([]);
  });

  it('gives every department a URL-safe id of its region', () => {
    for (const d of real.departments) {
      expect(d.id).toMatch(/^\d{6}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.id.startsWith(`${d.regionCode}-`)).toBe(true);
    }
    expect(departmentsOfRegion(real, '542500').every((d) => d.regionCode === '542500')).toBe(true);
  });

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

  it('marks collectives', () => {
    expect(real.departmentById.get(resolveUnit(real, '各县区人民政府', '630200').departmentId!)?.collective).toBe(true);
    expect(real.departmentById.get(resolveUnit(real, '区（中）直有关部门', '540000').departmentId!)?.collective).toBe(true);
    expect(real.departmentById.get(resolveUnit(real, '市发展改革委', '630200').departmentId!)?.collective).toBe(false);
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

  it('accepts an unquoted code', () => {
    expect(reg.regionByCode.get('542523')?.parentCode).toBe('542500');
  });

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

describe('validation errors name file, line and field', () => {
  const cases: Array<{ dir: string; file: string; line: number | [number, number]; field: string | null; says: RegExp }> = [
    {
      dir: 'regions-unknown-field',
      file: 'regions.yaml',
      line: 12,
      field: 'regions.1.population',
      says: /unknown field "population".*code, name, shortNames, level, parent/,
    },
    { dir: 'regions-bad-code', file: 'regions.yaml', line: 7, field: 'regions.1.code', says: /bad region code.*6-digit/ },
    { dir: 'regions-unknown-parent', file: 'regions.yaml', line: 11, field: 'regions.1.parent', says: /unknown parent region 530000/ },
    {
      dir: 'regions-code-outside-parent',
      file: 'regions.yaml',
      line: 7,
      field: 'regions.1.code',
      says: /632500 does not lie under its parent 540000/,
    },
    {
      dir: 'dept-unknown-field',
      file: 'departments/542500.yaml',
      line: 6,
      field: 'departments.0.sucessor',
      says: /unknown field "sucessor".*successor/,
    },
    { dir: 'dept-bad-code', file: 'departments/542500.yaml', line: 1, field: 'region', says: /bad region code/ },
    { dir: 'dept-unknown-region', file: 'departments/542600.yaml', line: 1, field: 'region', says: /unknown region 542600/ },
    {
      dir: 'dept-unknown-successor',
      file: 'departments/542500.yaml',
      line: 6,
      field: 'departments.0.successor',
      says: /unknown successor 542500-shengtai/,
    },
    {
      dir: 'dept-duplicate-id',
      file: 'departments/542500.yaml',
      line: 7,
      field: 'departments.2.id',
      says: /duplicate department id 542500-huanbao.*line 3/,
    },
    {
      dir: 'dept-alias-conflict',
      file: 'departments/542500.yaml',
      line: 8,
      field: 'departments.1.aliases.1',
      says: /"地区 环保局" is already claimed by 542500-huanbao at line 5/,
    },
    {
      dir: 'dept-succession-cycle',
      file: 'departments/542500.yaml',
      line: 5,
      field: 'departments.0.successor',
      says: /succession cycle: 542500-huanbao → 542500-sthj → 542500-huanbao/,
    },
    { dir: 'dept-bad-id', file: 'departments/542500.yaml', line: 3, field: 'departments.0.id', says: /bad department id/ },
    {
      dir: 'dept-id-outside-region',
      file: 'departments/542500.yaml',
      line: 5,
      field: 'departments.1.id',
      says: /540000-huanbao does not start with the file's region code/,
    },
    { dir: 'dept-bad-date', file: 'departments/542500.yaml', line: 6, field: 'departments.0.succeededOn', says: /bad date/ },
    {
      dir: 'dept-missing-succeeded-on',
      file: 'departments/542500.yaml',
      line: 3,
      field: 'departments.0.succeededOn',
      says: /successor 542500-sthj without succeededOn/,
    },
    {
      dir: 'dept-unknown-transfer',
      file: 'departments/542500.yaml',
      line: 6,
      field: 'departments.0.transfers.0.to',
      says: /unknown department 542500-yingji/,
    },
    // The bracket left open on line 5 is noticed where the next entry starts.
    { dir: 'dept-yaml-syntax', file: 'departments/542500.yaml', line: [5, 6], field: null, says: /YAML syntax error/ },
  ];

  it('has a fixture for every case and no other', () => {
    const dirs = readdirSync(fixtures, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'good')
      .map((d) => d.name);
    expect(dirs.sort()).toEqual(cases.map((c) => c.dir).sort());
  });

  for (const c of cases) {
    it(c.dir, () => {
      let error: unknown = null;
      try {
        loadRegistry(join(fixtures, c.dir));
      } catch (e) {
        error = e;
      }
      expect(error, 'loading must fail').toBeInstanceOf(SourceError);
      const e = error as SourceError;
      expect(e.file.replaceAll('\\', '/').endsWith(`tests/fixtures/registry/${c.dir}/${c.file}`)).toBe(true);
      if (Array.isArray(c.line)) {
        expect(e.line).toBeGreaterThanOrEqual(c.line[0]);
        expect(e.line).toBeLessThanOrEqual(c.line[1]);
      } else expect(e.line).toBe(c.line);
      expect(e.field).toBe(c.field);
      // The message itself carries all three, for people reading the build log.
      expect(e.message).toContain(`${c.dir}/${c.file}`);
      expect(e.message).toContain(`line ${e.line}`);
      if (c.field) expect(e.message).toContain(`field "${c.field}"`);
      expect(e.message).toMatch(c.says);
      expect(e.message).toContain('expected');
    });
  }

  it('reports several problems at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      writeFileSync(
        join(dir, 'regions.yaml'),
        [
          'regions:',
          '  - code: "5400"',
          '    name: 西藏自治区',
          '    level: province',
          '    parent: null',
          '  - code: "542500"',
          '    name: 阿里地区',
          '    level: prefectur',
          '    parent: "540000"',
          '',
        ].join('\n'),
      );
      let error: unknown = null;
      try {
        loadRegistry(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SourceErrors);
      const errors = (error as SourceErrors).errors;
      expect(errors.map((e) => [e.line, e.field])).toEqual([
        [2, 'regions.0.code'],
        [8, 'regions.1.level'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says when regions.yaml is missing', () => {
    expect(() => loadRegistry(join(fixtures, 'no-such-dir'))).toThrow(/regions\.yaml.*file not found/);
  });
});

// ---- the documents' units through the registry

function fakeDocument(regionCode: string, tasks: Array<Pick<Task, 'units' | 'measures'> & { id: string }>): Document {
  return {
    slug: 'fake',
    sourceFile: 'fake.txt',
    meta: {
      slug: 'fake',
      regionCode,
      kind: '其他',
      sourceUrl: null,
      reporting: 'annual',
      span: { start: '2019-01-01', end: '2019-12-31' },
    },
    title: null,
    docNumber: null,
    indexNumber: null,
    issuer: null,
    writtenOn: null,
    publishedOn: null,
    sections: [],
    tasks: tasks.map((t, i) => ({
      id: t.id,
      localId: `t${i + 1}`,
      documentSlug: 'fake',
      kind: 'task',
      number: String(i + 1),
      title: '',
      text: '',
      segments: [],
      units: t.units,
      deadlines: [],
      targets: [],
      measures: t.measures,
      fields: {},
      sectionPath: [],
      lineStart: 10 * (i + 1),
      lineEnd: 10 * (i + 1),
    })),
    parts: [],
    source: '',
    warnings: [],
  };
}

describe('units of documents', () => {
  it('resolves a UnitRef and keeps it as written', () => {
    const u = resolveUnitRef(real, { name: '地区交通局', written: '交通局', role: 'responsible' }, '542500');
    expect(u).toEqual({ name: '地区交通局', written: '交通局', role: 'responsible', departmentId: '542500-jiaotong', verified: true });
  });

  it('lists unknown units with task and line, once per task, name and role', () => {
    const doc = fakeDocument('540000', [
      {
        id: 'fake/t1',
        units: [
          { name: '区发展委', role: 'responsible' },
          { name: '区厅', role: 'responsible' },
          { name: '区厅', role: 'responsible' },
        ],
        measures: [],
      },
      {
        id: 'fake/t2',
        units: [],
        measures: [
          { id: 'fake/t2.m1', number: '1', text: '', units: [{ name: '区厅', role: 'supervisor' }], deadlines: [], targets: [], line: 23 },
        ],
      },
    ]);
    expect(unverifiedUnits(real, [doc])).toEqual([
      { name: '区厅', role: 'responsible', taskId: 'fake/t1', documentSlug: 'fake', line: 10 },
      { name: '区厅', role: 'supervisor', taskId: 'fake/t2', documentSlug: 'fake', line: 23 },
    ]);
  });
});

// The ingest stage is the lead's; these checks run once it exists.
const ingest = await import('../../../src/sources/documents/index.ts').catch(() => null);

describe('every unit the five plans name', () => {
  const documents: Document[] = ingest ? ingest.ingestAll(join(root, 'content/documents')) : [];

  it.runIf(ingest !== null)('resolves the known-good names and prints the rest', () => {
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
