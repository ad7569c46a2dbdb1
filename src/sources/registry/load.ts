// Reads the registry (content/registry/) in passes: the regions and their hierarchy, the department
// files, the departments with their names and aliases, their successions, their partial handovers.
// Every problem — unknown field, bad code, unknown parent/region/successor, duplicate id, an alias two
// departments of one region claim, a succession cycle — is reported with file, line and field; a pass
// runs only on what the passes before it accepted, and the load fails after the first pass with errors.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { SourceError, SourceErrors } from '../../domain/source-error';
import { readBounded } from '../bounded-read';
import type { Department, Region, RegionLevel } from '../../domain/types';
import { lineOf, parseYamlSource, type YamlSource } from '../yaml-source';
import type { DutyTransfer, MatchKind, PendingDepartment, Registry } from './registry';
import { normalizeUnitName } from './resolve';
import { departmentsFileSchema, errorAt, regionsFileSchema, validate, type departmentSchema, type transferSchema } from './schema';

const LEVEL_RANK: Record<RegionLevel, number> = { country: 0, province: 1, prefecture: 2, county: 3 };

/** The one country code of the division list: 中华人民共和国. */
export const COUNTRY_CODE = '100000';

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

/** A registry file's text, no larger than the limit. */
const readRegistryFile = (path: string): string =>
  readBounded(path, displayPath(path), LIMITS.registryFileBytes, 'a registry file').toString('utf8');

/** Errors of the load so far; `check()` throws them all once a pass has found any. */
class Problems {
  readonly list: SourceError[] = [];
  push(...errors: SourceError[]): void {
    this.list.push(...errors);
  }
  check(): void {
    if (this.list.length) throw this.list.length === 1 ? this.list[0] : new SourceErrors(this.list);
  }
}

interface RegionTree {
  regions: Region[];
  regionByCode: Map<string, Region>;
  childrenByCode: Map<string, string[]>;
}

/** regions.yaml: each code once, each region under a parent of a higher level whose code it extends. */
function loadRegions(dir: string, problems: Problems): RegionTree {
  const regionsFile = join(dir, 'regions.yaml');
  if (!existsSync(regionsFile)) throw new SourceError({ file: displayPath(regionsFile) }, 'file not found', 'the list of regions');
  const src = parseYamlSource(displayPath(regionsFile), readRegistryFile(regionsFile));
  const parsed = validate(src, regionsFileSchema);
  if (!parsed.ok) {
    problems.push(...parsed.errors);
    problems.check();
  }
  const rawRegions = parsed.ok ? parsed.data.regions : [];

  const regions: Region[] = [];
  const regionByCode = new Map<string, Region>();
  const regionIndex = new Map<string, number>();
  rawRegions.forEach((r, i) => {
    if (regionByCode.has(r.code)) {
      problems.push(errorAt(src, ['regions', i, 'code'], `duplicate region code ${r.code}`, 'each code listed once'));
      return;
    }
    const region: Region = { code: r.code, name: r.name, shortNames: r.shortNames, level: r.level, parentCode: r.parent };
    regions.push(region);
    regionByCode.set(r.code, region);
    regionIndex.set(r.code, i);
  });
  for (const region of regions) {
    const error = parentProblem(region, regionByCode);
    if (error) problems.push(errorAt(src, ['regions', regionIndex.get(region.code)!, error.field], error.problem, error.expected));
  }
  problems.check();

  const childrenByCode = new Map<string, string[]>();
  for (const region of regions) {
    if (region.parentCode) childrenByCode.set(region.parentCode, [...(childrenByCode.get(region.parentCode) ?? []), region.code]);
  }
  return { regions, regionByCode, childrenByCode };
}

/** What is wrong with a region's place in the hierarchy, if anything. */
function parentProblem(region: Region, regionByCode: Map<string, Region>): { field: string; problem: string; expected: string } | null {
  if (region.level === 'country') {
    if (region.code !== COUNTRY_CODE)
      return { field: 'code', problem: `a country with code ${region.code}`, expected: `${COUNTRY_CODE} (中华人民共和国)` };
    return region.parentCode === null
      ? null
      : { field: 'parent', problem: `the country ${region.name} has a parent`, expected: 'null: nothing is above the country' };
  }
  if (region.parentCode === null) {
    return region.level === 'province'
      ? null
      : { field: 'parent', problem: `${region.name} (${region.level}) has no parent`, expected: 'the code of the region above' };
  }
  const parent = regionByCode.get(region.parentCode);
  if (!parent) return { field: 'parent', problem: `unknown parent region ${region.parentCode}`, expected: 'a code listed in this file' };
  if (LEVEL_RANK[parent.level] >= LEVEL_RANK[region.level]) {
    return {
      field: 'parent',
      problem: `parent ${parent.name} (${parent.level}) is not above ${region.name} (${region.level})`,
      expected: 'a region of a higher level',
    };
  }
  // Codes nest: 542523 lies in 5425xx, which lies in 54xxxx; a province lies in the country whatever its code.
  const prefix = parent.code.slice(0, parent.level === 'country' ? 0 : parent.level === 'province' ? 2 : 4);
  if (!region.code.startsWith(prefix))
    return {
      field: 'code',
      problem: `code ${region.code} does not lie under its parent ${parent.code}`,
      expected: `a code starting with ${prefix}`,
    };
  if (parent.level === 'country' && (region.level !== 'province' || !region.code.endsWith('0000')))
    return {
      field: 'parent',
      problem: `${region.name} (${region.level}, ${region.code}) is placed right under the country`,
      expected: 'a province (a code ending in 0000) under the country; prefectures and counties under their province',
    };
  return null;
}

interface DepartmentsFile {
  src: YamlSource;
  region: string;
  departments: Array<z.output<typeof departmentSchema>>;
}

/** departments/<regionCode>.yaml: each file valid, named after a region the registry lists. */
function loadDepartmentFiles(dir: string, regionByCode: Map<string, Region>, problems: Problems): DepartmentsFile[] {
  const depDir = join(dir, 'departments');
  const files = existsSync(depDir)
    ? readdirSync(depDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const out: DepartmentsFile[] = [];
  for (const f of files) {
    const path = join(depDir, f);
    let src: YamlSource;
    try {
      src = parseYamlSource(displayPath(path), readRegistryFile(path));
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      problems.push(e); // too large or not YAML: the other files are still read
      continue;
    }
    const parsed = validate(src, departmentsFileSchema);
    if (!parsed.ok) {
      problems.push(...parsed.errors);
      continue;
    }
    // <code>.yaml, or <code>.<label>.yaml: a region's departments may come in several files (stubs of `npm run new`).
    const expectedCode = basename(f)
      .replace(/\.ya?ml$/, '')
      .split('.')[0];
    if (parsed.data.region !== expectedCode) {
      problems.push(
        errorAt(src, ['region'], `region ${parsed.data.region} does not match the file name ${f}`, `region: "${expectedCode}"`),
      );
      continue;
    }
    if (!regionByCode.has(parsed.data.region)) {
      problems.push(errorAt(src, ['region'], `unknown region ${parsed.data.region}`, 'a code listed in regions.yaml'));
      continue;
    }
    out.push({ src, region: parsed.data.region, departments: parsed.data.departments });
  }
  problems.check();
  return out;
}

interface DepartmentIndex {
  departments: Department[];
  /** Stubs not yet confirmed (`todo`): set aside, resolving nothing. */
  pending: PendingDepartment[];
  departmentById: Map<string, Department>;
  sourceOf: Map<string, { file: string; line: number | null }>;
  /** Where each department is written, for errors of the later passes. */
  at: Map<string, { src: YamlSource; index: number }>;
  namesByRegion: Map<string, Map<string, { id: string; kind: MatchKind }>>;
  rawTransfers: Array<{ from: string; src: YamlSource; path: Array<string | number>; t: z.output<typeof transferSchema> }>;
}

/** The departments: unique ids within their region, and one department per name or alias of a region. */
function indexDepartments(files: DepartmentsFile[], problems: Problems): DepartmentIndex {
  const ix: DepartmentIndex = {
    departments: [],
    pending: [],
    departmentById: new Map(),
    sourceOf: new Map(),
    at: new Map(),
    namesByRegion: new Map(),
    rawTransfers: [],
  };
  for (const { src, region, departments: list } of files) {
    const names = ix.namesByRegion.get(region) ?? new Map<string, { id: string; kind: MatchKind }>();
    ix.namesByRegion.set(region, names);
    const claimedAt = new Map<string, Array<string | number>>();
    list.forEach((d, i) => {
      if (d.todo !== undefined) {
        const line = lineOf(src, ['departments', i]);
        ix.pending.push({ id: d.id, name: d.name, aliases: d.aliases, regionCode: region, todo: d.todo, file: src.file, line });
        return;
      }
      if (!d.id.startsWith(`${region}-`)) {
        problems.push(
          errorAt(
            src,
            ['departments', i, 'id'],
            `id ${d.id} does not start with the file's region code`,
            `an id starting with "${region}-"`,
          ),
        );
        return;
      }
      if (ix.departmentById.has(d.id)) {
        const first = ix.sourceOf.get(d.id)!;
        problems.push(
          errorAt(
            src,
            ['departments', i, 'id'],
            `duplicate department id ${d.id} (first defined in ${first.file} line ${first.line})`,
            'a unique id',
          ),
        );
        return;
      }
      if ((d.successor === null) !== (d.succeededOn === null)) {
        const problem = d.successor === null ? 'succeededOn without successor' : `successor ${d.successor} without succeededOn`;
        problems.push(
          errorAt(src, ['departments', i, 'succeededOn'], problem, 'both successor and succeededOn (YYYY or YYYY-MM-DD), or neither'),
        );
      }
      const dept: Department = {
        id: d.id,
        name: d.name,
        regionCode: region,
        aliases: [...new Set(d.aliases.map((a) => a.trim()).filter((a) => a !== '' && a !== d.name))],
        successorId: d.successor,
        succeededOn: d.succeededOn,
        collective: d.collective,
      };
      ix.departments.push(dept);
      ix.departmentById.set(d.id, dept);
      ix.sourceOf.set(d.id, { file: src.file, line: lineOf(src, ['departments', i]) });
      ix.at.set(d.id, { src, index: i });
      d.transfers.forEach((t, k) => ix.rawTransfers.push({ from: d.id, src, path: ['departments', i, 'transfers', k, 'to'], t }));

      // Names and aliases: one department per written form within a region.
      const forms: Array<{ text: string; kind: MatchKind; path: Array<string | number> }> = [
        { text: d.name, kind: 'name', path: ['departments', i, 'name'] },
        ...d.aliases.map((a, k) => ({ text: a, kind: 'alias' as const, path: ['departments', i, 'aliases', k] })),
      ];
      for (const form of forms) {
        const key = normalizeUnitName(form.text);
        if (key === '') {
          problems.push(errorAt(src, form.path, 'empty alias', 'a name as documents write it'));
          continue;
        }
        const existing = names.get(key);
        if (existing && existing.id !== d.id) {
          const other = claimedAt.get(key);
          const where = other ? ` at line ${lineOf(src, other)}` : '';
          problems.push(
            errorAt(
              src,
              form.path,
              `"${form.text}" is already claimed by ${existing.id}${where}`,
              'each name or alias to belong to one department of a region',
            ),
          );
          continue;
        }
        if (!existing || form.kind === 'name') {
          names.set(key, { id: d.id, kind: form.kind });
          claimedAt.set(key, form.path);
        }
      }
    });
  }
  problems.check();
  return ix;
}

/** Successors exist, are not the department itself, and no chain of successions runs in a circle. */
function checkSuccessions(ix: DepartmentIndex, problems: Problems): void {
  for (const dept of ix.departments) {
    if (dept.successorId === null) continue;
    const { src, index } = ix.at.get(dept.id)!;
    if (dept.successorId === dept.id) {
      problems.push(errorAt(src, ['departments', index, 'successor'], `${dept.id} names itself as successor`, 'another department'));
    } else if (!ix.departmentById.has(dept.successorId)) {
      problems.push(
        errorAt(
          src,
          ['departments', index, 'successor'],
          `unknown successor ${dept.successorId}`,
          'the id of a department in content/registry/departments/',
        ),
      );
    }
  }
  problems.check();
  const reported = new Set<string>();
  for (const start of ix.departments) {
    const seen: string[] = [];
    let cur: Department | undefined = start;
    while (cur && cur.successorId !== null) {
      if (seen.includes(cur.id)) {
        const cycle = seen.slice(seen.indexOf(cur.id));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const { src, index } = ix.at.get(cur.id)!;
          problems.push(
            errorAt(src, ['departments', index, 'successor'], `succession cycle: ${[...cycle, cur.id].join(' → ')}`, 'a chain that ends'),
          );
        }
        break;
      }
      seen.push(cur.id);
      cur = ix.departmentById.get(cur.successorId);
    }
  }
}

/** Partial handovers of duties, each to a department the registry lists. */
function resolveTransfers(ix: DepartmentIndex, problems: Problems): DutyTransfer[] {
  const transfers: DutyTransfer[] = [];
  for (const { from, src, path, t } of ix.rawTransfers) {
    if (!ix.departmentById.has(t.to)) {
      problems.push(errorAt(src, path, `unknown department ${t.to}`, 'the id of a department in content/registry/departments/'));
      continue;
    }
    transfers.push({ from, to: t.to, on: t.on, duties: t.duties });
  }
  problems.check();
  return transfers;
}

/**
 * Reads `${dir}/regions.yaml` and `${dir}/departments/<regionCode>.yaml`: one problem throws a
 * SourceError, several throw SourceErrors listing each.
 */
export function loadRegistry(dir = 'content/registry'): Registry {
  const problems = new Problems();
  const { regions, regionByCode, childrenByCode } = loadRegions(dir, problems);
  const ix = indexDepartments(loadDepartmentFiles(dir, regionByCode, problems), problems);
  checkSuccessions(ix, problems);
  const transfers = resolveTransfers(ix, problems);
  const { departments, departmentById, namesByRegion, sourceOf, pending } = ix;
  return { dir, regions, regionByCode, departments, departmentById, transfers, childrenByCode, namesByRegion, sourceOf, pending };
}
