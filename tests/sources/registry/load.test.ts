// Loading the registry (load.ts): the real one under content/registry/ has the regions and departments the
// plans need; the fixtures under tests/fixtures/registry/ pin the message of every validation error (file,
// line, field).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { departmentsOfRegion } from '../../../src/sources/registry/registry';
import { loadRegistry } from '../../../src/sources/registry/load';
import { resolveUnit } from '../../../src/sources/registry/resolve';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import { fixtures, real, root } from './helpers';

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

  it('gives every department a URL-safe id of its region', () => {
    for (const d of real.departments) {
      expect(d.id).toMatch(/^\d{6}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.id.startsWith(`${d.regionCode}-`)).toBe(true);
    }
    expect(departmentsOfRegion(real, '542500').every((d) => d.regionCode === '542500')).toBe(true);
  });

  it('marks collectives', () => {
    expect(real.departmentById.get(resolveUnit(real, '各县区人民政府', '630200').departmentId!)?.collective).toBe(true);
    expect(real.departmentById.get(resolveUnit(real, '区（中）直有关部门', '540000').departmentId!)?.collective).toBe(true);
    expect(real.departmentById.get(resolveUnit(real, '市发展改革委', '630200').departmentId!)?.collective).toBe(false);
  });
});

describe('resolveUnit rules (fixture)', () => {
  const reg = loadRegistry(join(fixtures, 'good'));

  it('accepts an unquoted code', () => {
    expect(reg.regionByCode.get('542523')?.parentCode).toBe('542500');
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

describe('loadRegistry: limits', () => {
  const REGIONS = ['regions:', '  - code: "542500"', '    name: 阿里地区', '    level: prefecture', '    parent: null', ''].join('\n');

  function errorsOf(dir: string): SourceError[] {
    try {
      loadRegistry(dir);
    } catch (e) {
      if (e instanceof SourceErrors) return e.errors;
      if (e instanceof SourceError) return [e];
      throw e;
    }
    throw new Error('loaded without errors');
  }

  it('a name, an alias or a list too long is refused with its line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      writeFileSync(join(dir, 'regions.yaml'), REGIONS.replace('level: prefecture', 'level: province'));
      mkdirSync(join(dir, 'departments'));
      const aliases = Array.from({ length: 201 }, (_, i) => `别名${i}`).join(', ');
      writeFileSync(
        join(dir, 'departments', '542500.yaml'),
        [
          'region: "542500"',
          'departments:',
          '  - id: 542500-a',
          `    name: ${'局'.repeat(201)}`,
          '  - id: 542500-b',
          '    name: 乙局',
          `    aliases: [${aliases}]`,
          '',
        ].join('\n'),
      );
      const errors = errorsOf(dir);
      expect(errors.map((e) => [e.line, e.field])).toEqual([
        [4, 'departments.0.name'],
        [7, 'departments.1.aliases'],
      ]);
      expect(errors[0].message).toMatch(/too long \(201 characters\); expected at most 200 characters/);
      expect(errors[1].message).toMatch(/too many items \(201\); expected at most 200 items/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a registry file over 10 MB is refused before it is read, and the other files are still read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      writeFileSync(join(dir, 'regions.yaml'), REGIONS.replace('level: prefecture', 'level: province'));
      mkdirSync(join(dir, 'departments'));
      writeFileSync(join(dir, 'departments', '542500.yaml'), '');
      truncateSync(join(dir, 'departments', '542500.yaml'), 11 * 2 ** 20);
      writeFileSync(join(dir, 'departments', '542600.yaml'), 'region: "542600"\ndepartments: []\n');
      const errors = errorsOf(dir);
      expect(errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/542500\.yaml: the file is 11 MB, too large; expected a registry file of at most 10 MB$/),
        expect.stringMatching(/542600\.yaml, line 1, field "region": unknown region 542600/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
