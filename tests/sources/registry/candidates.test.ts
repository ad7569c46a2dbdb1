// Registry stubs of `npm run new` (<code>.<label>.yaml, entries with `todo:`) set aside until checked, the
// closest entries as their candidates (candidates.ts), and the country level (100000) above the provinces.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError, SourceErrors } from '../../../src/domain/source-error';
import { closestDepartments, suggestDepartmentId } from '../../../src/sources/registry/candidates';
import { loadRegistry } from '../../../src/sources/registry/load';
import { resolveUnit } from '../../../src/sources/registry/resolve';
import { repoPath } from '../../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'registry-country-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

function registryOf(regions: string[][], departments: Record<string, string> = {}) {
  const dir = join(work, String(n++));
  mkdirSync(join(dir, 'departments'), { recursive: true });
  const lines = ['regions:'];
  for (const [code, name, level, parent] of regions)
    lines.push(
      `  - code: "${code}"`,
      `    name: ${name}`,
      `    level: ${level}`,
      `    parent: ${parent === 'null' ? 'null' : `"${parent}"`}`,
    );
  writeFileSync(join(dir, 'regions.yaml'), `${lines.join('\n')}\n`);
  for (const [file, text] of Object.entries(departments)) writeFileSync(join(dir, 'departments', file), text);
  return dir;
}

function errorsOf(dir: string): string[] {
  try {
    loadRegistry(dir);
  } catch (e) {
    if (e instanceof SourceErrors) return e.errors.map((x) => x.message);
    if (e instanceof SourceError) return [e.message];
    throw e;
  }
  return [];
}

const COUNTRY = ['100000', '中华人民共和国', 'country', 'null'];

describe('the country level', () => {
  it('provinces under 100000, prefectures under them: valid', () => {
    const dir = registryOf([COUNTRY, ['540000', '西藏自治区', 'province', '100000'], ['542500', '阿里地区', 'prefecture', '540000']]);
    expect(errorsOf(dir)).toEqual([]);
    expect(loadRegistry(dir).regionByCode.get('540000')?.parentCode).toBe('100000');
  });

  it('every error of the hierarchy at once: a country with another code or a parent, a prefecture right under the country', () => {
    const dir = registryOf([
      COUNTRY,
      ['110000', '北京市', 'country', 'null'],
      ['120000', '天津市', 'country', '100000'],
      ['542500', '阿里地区', 'prefecture', '100000'],
    ]);
    const errors = errorsOf(dir);
    expect(errors).toEqual([
      expect.stringMatching(/field "regions\.1\.code".*a country with code 110000/),
      expect.stringMatching(/field "regions\.2\.(code|parent)".*/),
      expect.stringMatching(/field "regions\.3\.parent".*placed right under the country/),
    ]);
  });
});

describe('stubs of npm run new', () => {
  const regions = [COUNTRY, ['540000', '西藏自治区', 'province', '100000']];
  const known = 'region: "540000"\ndepartments:\n  - id: 540000-caizheng\n    name: 西藏自治区财政厅\n    aliases: [区财政厅]\n';
  const stub = 'region: "100000"\ndepartments:\n  - id: 100000-caizheng\n    name: 财政部\n    todo: 核对\n';

  it('a <code>.<label>.yaml file is read; an entry with todo resolves nothing until the line goes', () => {
    const dir = registryOf(regions, { '540000.yaml': known, '100000.guobanfa.yaml': stub });
    const r = loadRegistry(dir);
    expect(r.pending.map((p) => [p.id, p.line])).toEqual([['100000-caizheng', 3]]);
    expect(resolveUnit(r, '财政部', '100000').verified).toBe(false);
    const checked = registryOf(regions, { '540000.yaml': known, '100000.guobanfa.yaml': stub.replace('    todo: 核对\n', '') });
    expect(resolveUnit(loadRegistry(checked), '财政部', '100000').departmentId).toBe('100000-caizheng');
  });

  it('candidates: abbreviations read as the full name, another region’s office as the model for an id', () => {
    const real = loadRegistry(repoPath('content', 'registry'));
    const [best] = closestDepartments(real, '市发改委', '630200');
    expect(best.department.id).toBe('630200-fgw');
    const national = closestDepartments(real, '国家发展改革委', '100000');
    expect(national[0].department.name).toMatch(/发展和改革委员会$/);
    expect(suggestDepartmentId('100000', '国家发展改革委', national, new Set())).toBe('100000-fgw');
    expect(suggestDepartmentId('100000', '国家发展改革委', national, new Set(['100000-fgw']))).toBe('100000-fgw-2');
    expect(closestDepartments(real, '证监会', '100000')).toEqual([]);
  });
});
