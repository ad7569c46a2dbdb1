// The registry (content/registry/): regions with their official codes, and per region the
// departments that plans name, with the names plans write for them and the institutional reforms
// (机构改革) that handed their duties on. Plans name units in many ways — 地区发展改革委,
// 县发改局, a typo such as 市省自然资源规划局 — and `resolveUnit` maps each written form to one
// department, or says honestly that the registry does not know it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import type { Department, Region, RegionLevel } from './portal-types';
import { SourceError, SourceErrors } from './source-error';
import { isRealDate } from './periods';
import { lineOf, parseYamlSource, zodIssueToError, type YamlSource } from './yaml-source';

// ---------------------------------------------------------------- schemas

const CODE_RE = /^\d{6}$/;
const ID_RE = /^\d{6}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** YAML reads an unquoted 542500 or 2019 as a number: accept it, then check the text. */
const textOrNumber = z.union([z.string(), z.number()]).transform((v) => String(v));

const codeSchema = textOrNumber.pipe(
  z.string().regex(CODE_RE, { error: 'bad region code' }),
);

const dateSchema = textOrNumber.pipe(
  z.string().refine((s) => /^\d{4}$/.test(s) || isRealDate(s), { error: 'bad date' }),
);

const nameSchema = z.string().trim().min(1, { error: 'empty name' });

const regionSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  shortNames: z.array(nameSchema).default([]),
  level: z.enum(['province', 'prefecture', 'county'], { error: 'bad level' }),
  parent: codeSchema.nullable(),
});

const regionsFileSchema = z.strictObject({ regions: z.array(regionSchema).min(1) });

const idSchema = z
  .string()
  .regex(ID_RE, { error: 'bad department id' });

const transferSchema = z.strictObject({
  to: idSchema,
  on: dateSchema,
  duties: nameSchema,
});

const departmentSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  aliases: z.array(z.string()).default([]),
  successor: idSchema.nullable().default(null),
  succeededOn: dateSchema.nullable().default(null),
  collective: z.boolean().default(false),
  transfers: z.array(transferSchema).default([]),
});

const departmentsFileSchema = z.strictObject({
  region: codeSchema,
  departments: z.array(departmentSchema),
});

/** What each field takes, for messages: the last path segment names the field. */
const EXPECTED: Record<string, string> = {
  regions: 'a list of regions',
  departments: 'a list of departments',
  code: 'a 6-digit administrative-division code in quotes, such as "542500"',
  region: 'the 6-digit code of the region, in quotes, same as the file name',
  parent: 'the code of the region above, or null for a province',
  level: 'province, prefecture or county',
  name: 'the official full name',
  shortNames: 'a list of short forms such as [阿里]',
  id: 'an id `${regionCode}-${slug}` with a lower-case ASCII slug, such as "542500-fgw"',
  successor: 'the id of the department that took over, such as "542500-sthj"',
  to: 'the id of the department that took over these duties',
  succeededOn: 'YYYY or a real date YYYY-MM-DD',
  on: 'YYYY or a real date YYYY-MM-DD',
  duties: 'a short description of the duties handed over',
  aliases: 'a list of names as documents write them',
  collective: 'true or false',
  transfers: 'a list of { to, on, duties }',
};

/** The fields each kind of entry allows, for "unknown field" messages. */
function allowedFields(parts: string[]): string {
  const inside = parts.slice(0, -1);
  const keys = inside.includes('transfers')
    ? Object.keys(transferSchema.shape)
    : inside.includes('departments')
      ? Object.keys(departmentSchema.shape)
      : inside.includes('regions')
        ? Object.keys(regionSchema.shape)
        : ['regions', 'region', 'departments'];
  return `one of the fields ${keys.join(', ')}`;
}

function expectedFor(field: string): string {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  return EXPECTED[parts[parts.length - 1] ?? ''] ?? allowedFields(parts);
}

/** Schema-checks a YAML file: the data, or one SourceError per problem, each at its line. */
function validate<S extends z.ZodType>(src: YamlSource, schema: S): { ok: true; data: z.output<S> } | { ok: false; errors: SourceError[] } {
  const result = schema.safeParse(src.data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => zodIssueToError(src, issue, expectedFor)) };
}

/** A problem at `path` of a YAML file. */
function errorAt(src: YamlSource, path: Array<string | number>, problem: string, expected: string): SourceError {
  return new SourceError({ file: src.file, line: lineOf(src, path), field: path.join('.') }, problem, expected);
}

// ---------------------------------------------------------------- types

/** Part of a department's duties handed to another department (民政局 disaster relief → 应急管理局). */
export interface DutyTransfer {
  from: string;
  to: string;
  on: string;
  duties: string;
}

export type MatchKind = 'name' | 'alias';

export interface Registry {
  dir: string;
  regions: Region[];
  regionByCode: Map<string, Region>;
  departments: Department[];
  departmentById: Map<string, Department>;
  /** Partial handovers; a full one is `Department.successorId`. */
  transfers: DutyTransfer[];
  /** Region code → codes of its children, in file order. */
  childrenByCode: Map<string, string[]>;
  /** Region code → normalised name or alias → the department it names there. */
  namesByRegion: Map<string, Map<string, { id: string; kind: MatchKind }>>;
  /** Where each department is defined, for messages. */
  sourceOf: Map<string, { file: string; line: number | null }>;
}

export interface UnitResolution {
  departmentId: string | null;
  verified: boolean;
  /** name/alias: found in the document's region (or, when unique, below it); ancestor: in a region above. */
  via: 'name' | 'alias' | 'ancestor' | null;
}

// ---------------------------------------------------------------- normalisation

/**
 * The comparable form of a unit name: full-width forms folded (（）→(), ，→,), all spaces including
 * NBSP and ideographic space removed, list punctuation trimmed from the ends.
 */
export function normalizeUnitName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g, '')
    .replace(/^[、,;:。.·]+|[、,;:。.·]+$/g, '');
}

// ---------------------------------------------------------------- loading

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

interface ParsedDepartments {
  src: YamlSource;
  region: string;
  departments: Array<z.output<typeof departmentSchema>>;
}

/**
 * Reads `${dir}/regions.yaml` and `${dir}/departments/<regionCode>.yaml`. Every problem — unknown
 * field, bad code, unknown parent/region/successor, duplicate id, an alias two departments of one
 * region claim, a succession cycle — is reported with file, line and field: one problem throws a
 * SourceError, several throw SourceErrors listing each.
 */
export function loadRegistry(dir = 'content/registry'): Registry {
  const errors: SourceError[] = [];
  const fail = (): never => {
    throw errors.length === 1 ? errors[0] : new SourceErrors(errors);
  };

  // ---- regions
  const regionsFile = join(dir, 'regions.yaml');
  if (!existsSync(regionsFile)) {
    throw new SourceError({ file: displayPath(regionsFile) }, 'file not found', 'the list of regions');
  }
  const regionsSrc = parseYamlSource(displayPath(regionsFile), readFileSync(regionsFile, 'utf8'));
  const regionsParsed = validate(regionsSrc, regionsFileSchema);
  if (!regionsParsed.ok) {
    errors.push(...regionsParsed.errors);
    fail();
  }
  const rawRegions = regionsParsed.ok ? regionsParsed.data.regions : [];

  const regions: Region[] = [];
  const regionByCode = new Map<string, Region>();
  const regionIndex = new Map<string, number>();
  rawRegions.forEach((r, i) => {
    if (regionByCode.has(r.code)) {
      errors.push(errorAt(regionsSrc, ['regions', i, 'code'], `duplicate region code ${r.code}`, 'each code listed once'));
      return;
    }
    const region: Region = { code: r.code, name: r.name, shortNames: r.shortNames, level: r.level, parentCode: r.parent };
    regions.push(region);
    regionByCode.set(r.code, region);
    regionIndex.set(r.code, i);
  });
  for (const region of regions) {
    const i = regionIndex.get(region.code)!;
    if (region.parentCode === null) {
      if (region.level !== 'province') {
        errors.push(errorAt(regionsSrc, ['regions', i, 'parent'], `${region.name} (${region.level}) has no parent`, 'the code of the region above'));
      }
      continue;
    }
    const parent = regionByCode.get(region.parentCode);
    if (!parent) {
      errors.push(errorAt(regionsSrc, ['regions', i, 'parent'], `unknown parent region ${region.parentCode}`, 'a code listed in this file'));
      continue;
    }
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[region.level]) {
      errors.push(
        errorAt(regionsSrc, ['regions', i, 'parent'], `parent ${parent.name} (${parent.level}) is not above ${region.name} (${region.level})`, 'a region of a higher level'),
      );
      continue;
    }
    // Codes nest: 542523 lies in 5425xx, which lies in 54xxxx.
    const prefix = parent.code.slice(0, parent.level === 'province' ? 2 : 4);
    if (!region.code.startsWith(prefix)) {
      errors.push(
        errorAt(regionsSrc, ['regions', i, 'code'], `code ${region.code} does not lie under its parent ${parent.code}`, `a code starting with ${prefix}`),
      );
    }
  }
  if (errors.length) fail();

  const childrenByCode = new Map<string, string[]>();
  for (const region of regions) {
    if (region.parentCode) childrenByCode.set(region.parentCode, [...(childrenByCode.get(region.parentCode) ?? []), region.code]);
  }

  // ---- departments
  const depDir = join(dir, 'departments');
  const files = existsSync(depDir) ? readdirSync(depDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const parsedFiles: ParsedDepartments[] = [];
  for (const f of files) {
    const path = join(depDir, f);
    const src = parseYamlSource(displayPath(path), readFileSync(path, 'utf8'));
    const parsed = validate(src, departmentsFileSchema);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const expectedCode = basename(f).replace(/\.ya?ml$/, '');
    if (parsed.data.region !== expectedCode) {
      errors.push(errorAt(src, ['region'], `region ${parsed.data.region} does not match the file name ${f}`, `region: "${expectedCode}"`));
      continue;
    }
    if (!regionByCode.has(parsed.data.region)) {
      errors.push(errorAt(src, ['region'], `unknown region ${parsed.data.region}`, 'a code listed in regions.yaml'));
      continue;
    }
    parsedFiles.push({ src, region: parsed.data.region, departments: parsed.data.departments });
  }
  if (errors.length) fail();

  const departments: Department[] = [];
  const departmentById = new Map<string, Department>();
  const sourceOf = new Map<string, { file: string; line: number | null }>();
  const at = new Map<string, { src: YamlSource; index: number }>();
  const namesByRegion = new Map<string, Map<string, { id: string; kind: MatchKind }>>();
  const rawTransfers: Array<{ from: string; src: YamlSource; path: Array<string | number>; t: z.output<typeof transferSchema> }> = [];

  for (const { src, region, departments: list } of parsedFiles) {
    const names = namesByRegion.get(region) ?? new Map<string, { id: string; kind: MatchKind }>();
    namesByRegion.set(region, names);
    const claimedAt = new Map<string, Array<string | number>>();
    list.forEach((d, i) => {
      if (!d.id.startsWith(`${region}-`)) {
        errors.push(errorAt(src, ['departments', i, 'id'], `id ${d.id} does not start with the file's region code`, `an id starting with "${region}-"`));
        return;
      }
      if (departmentById.has(d.id)) {
        const first = sourceOf.get(d.id)!;
        errors.push(errorAt(src, ['departments', i, 'id'], `duplicate department id ${d.id} (first defined in ${first.file} line ${first.line})`, 'a unique id'));
        return;
      }
      if ((d.successor === null) !== (d.succeededOn === null)) {
        const problem = d.successor === null ? 'succeededOn without successor' : `successor ${d.successor} without succeededOn`;
        errors.push(errorAt(src, ['departments', i, 'succeededOn'], problem, 'both successor and succeededOn (YYYY or YYYY-MM-DD), or neither'));
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
      departments.push(dept);
      departmentById.set(d.id, dept);
      sourceOf.set(d.id, { file: src.file, line: lineOf(src, ['departments', i]) });
      at.set(d.id, { src, index: i });
      d.transfers.forEach((t, k) => rawTransfers.push({ from: d.id, src, path: ['departments', i, 'transfers', k, 'to'], t }));

      // Names and aliases: one department per written form within a region.
      const forms: Array<{ text: string; kind: MatchKind; path: Array<string | number> }> = [
        { text: d.name, kind: 'name', path: ['departments', i, 'name'] },
        ...d.aliases.map((a, k) => ({ text: a, kind: 'alias' as const, path: ['departments', i, 'aliases', k] })),
      ];
      for (const form of forms) {
        const key = normalizeUnitName(form.text);
        if (key === '') {
          errors.push(errorAt(src, form.path, 'empty alias', 'a name as documents write it'));
          continue;
        }
        const existing = names.get(key);
        if (existing && existing.id !== d.id) {
          const other = claimedAt.get(key);
          errors.push(
            errorAt(src, 
              form.path,
              `"${form.text}" is already claimed by ${existing.id}${other ? ` at line ${lineOf(src, other)}` : ''}`,
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
  if (errors.length) fail();

  // ---- successions
  for (const dept of departments) {
    if (dept.successorId === null) continue;
    const { src, index } = at.get(dept.id)!;
    if (dept.successorId === dept.id) {
      errors.push(errorAt(src, ['departments', index, 'successor'], `${dept.id} names itself as successor`, 'another department'));
    } else if (!departmentById.has(dept.successorId)) {
      errors.push(errorAt(src, ['departments', index, 'successor'], `unknown successor ${dept.successorId}`, 'the id of a department in content/registry/departments/'));
    }
  }
  if (errors.length) fail();
  const reported = new Set<string>();
  for (const start of departments) {
    const seen: string[] = [];
    let cur: Department | undefined = start;
    while (cur && cur.successorId !== null) {
      if (seen.includes(cur.id)) {
        const cycle = seen.slice(seen.indexOf(cur.id));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const { src, index } = at.get(cur.id)!;
          errors.push(errorAt(src, ['departments', index, 'successor'], `succession cycle: ${[...cycle, cur.id].join(' → ')}`, 'a chain that ends'));
        }
        break;
      }
      seen.push(cur.id);
      cur = departmentById.get(cur.successorId);
    }
  }

  // ---- partial transfers
  const transfers: DutyTransfer[] = [];
  for (const { from, src, path, t } of rawTransfers) {
    if (!departmentById.has(t.to)) {
      errors.push(errorAt(src, path, `unknown department ${t.to}`, 'the id of a department in content/registry/departments/'));
      continue;
    }
    transfers.push({ from, to: t.to, on: t.on, duties: t.duties });
  }
  if (errors.length) fail();

  return { dir, regions, regionByCode, departments, departmentById, transfers, childrenByCode, namesByRegion, sourceOf };
}

// ---------------------------------------------------------------- regions

/** The regions above `code`, nearest first: 噶尔县 → [阿里地区, 西藏自治区]. */
export function regionAncestors(registry: Registry, code: string): Region[] {
  const out: Region[] = [];
  let cur = registry.regionByCode.get(code);
  while (cur && cur.parentCode !== null) {
    const parent = registry.regionByCode.get(cur.parentCode);
    if (!parent || out.includes(parent)) break;
    out.push(parent);
    cur = parent;
  }
  return out;
}

/** All regions below `code`, each before its own children. */
export function regionDescendants(registry: Registry, code: string): Region[] {
  const out: Region[] = [];
  const visit = (c: string) => {
    for (const child of registry.childrenByCode.get(c) ?? []) {
      const region = registry.regionByCode.get(child);
      if (region) {
        out.push(region);
        visit(child);
      }
    }
  };
  visit(code);
  return out;
}

export function departmentsOfRegion(registry: Registry, code: string): Department[] {
  return registry.departments.filter((d) => d.regionCode === code);
}

// ---------------------------------------------------------------- successions

/** The departments that took over from `id`, in order (not including `id`). */
export function successorChain(registry: Registry, id: string): Department[] {
  const out: Department[] = [];
  let cur = registry.departmentById.get(id);
  while (cur && cur.successorId !== null) {
    const next = registry.departmentById.get(cur.successorId);
    if (!next || next.id === id || out.includes(next)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** successor id → departments that name it, built once per registry (pages ask for every department). */
const directPredecessors = new WeakMap<Registry, Map<string, Department[]>>();

/** Every department whose successor chain leads to `id`, nearest first (not including `id`). */
export function predecessorsOf(registry: Registry, id: string): Department[] {
  let index = directPredecessors.get(registry);
  if (!index) {
    index = new Map();
    for (const d of registry.departments) {
      if (d.successorId !== null) index.set(d.successorId, [...(index.get(d.successorId) ?? []), d]);
    }
    directPredecessors.set(registry, index);
  }
  const out: Department[] = [];
  const queue = [id];
  while (queue.length) {
    for (const d of index.get(queue.shift()!) ?? []) {
      if (d.id !== id && !out.includes(d)) {
        out.push(d);
        queue.push(d.id);
      }
    }
  }
  return out;
}

/** Partial handovers of duties into `id` (民政局's disaster relief → 应急管理局). */
export function transfersTo(registry: Registry, id: string): DutyTransfer[] {
  return registry.transfers.filter((t) => t.to === id);
}

// ---------------------------------------------------------------- resolving

/**
 * The prefix a region's own units carry inside its documents: 地区 for 阿里地区, 市 for 海东市,
 * 县 for 湟源县, 自治区/区 for 西藏自治区. Derived from the official name, so it holds for any region.
 */
export function localPrefixes(region: Region): string[] {
  const n = region.name;
  if (n.endsWith('自治区')) return ['自治区', '区'];
  if (n.endsWith('省')) return ['省'];
  if (n.endsWith('地区')) return ['地区'];
  if (n.endsWith('自治州')) return ['州', '自治州'];
  if (n.endsWith('州')) return ['州'];
  if (n.endsWith('盟')) return ['盟'];
  if (n.endsWith('市')) return ['市'];
  if (n.endsWith('县')) return ['县'];
  if (n.endsWith('区')) return ['区'];
  if (n.endsWith('旗')) return ['旗'];
  return [];
}

/** Party bodies use their own short prefix: 地委, 市委, 县委, 区党委. */
const PARTY_PREFIX = /^(地委|市委|县委|区委|州委|盟委|旗委|省委|党委|区党委|自治区党委)/;

function lookupIn(registry: Registry, code: string, key: string): { id: string; kind: MatchKind } | null {
  const names = registry.namesByRegion.get(code);
  if (!names) return null;
  const direct = names.get(key);
  if (direct) return direct;
  // "阿里地区林业局" / "海东市林草局": the region's own name in front of a locally written form.
  const region = registry.regionByCode.get(code);
  if (!region) return null;
  const forms = [region.name, ...region.shortNames].sort((a, b) => b.length - a.length);
  for (const form of forms) {
    if (!key.startsWith(form) || key.length <= form.length) continue;
    const rest = key.slice(form.length);
    for (const p of localPrefixes(region)) {
      const hit = names.get(p + rest);
      if (hit) return { id: hit.id, kind: 'alias' };
    }
    if (PARTY_PREFIX.test(rest) || localPrefixes(region).some((p) => rest.startsWith(p))) {
      const hit = names.get(rest);
      if (hit) return { id: hit.id, kind: 'alias' };
    }
  }
  return null;
}

/**
 * Resolves a unit name as a document of region `regionCode` writes it. Looks in that region first,
 * then in the regions above it (a county plan names 市/省 units), then below it when exactly one
 * department there carries the name. Unknown names come back unverified — never dropped.
 */
export function resolveUnit(registry: Registry, written: string, regionCode: string): UnitResolution {
  const unknown: UnitResolution = { departmentId: null, verified: false, via: null };
  const key = normalizeUnitName(written);
  if (key === '' || !registry.regionByCode.has(regionCode)) return unknown;

  const own = lookupIn(registry, regionCode, key);
  if (own) return { departmentId: own.id, verified: true, via: own.kind };

  // A document never uses its own prefix for a unit above it: in a 区 plan, 区发改委 is the
  // district's own, not the autonomous region's; in a county-level 市, 市发改局 is its own.
  const ownPrefixes = localPrefixes(registry.regionByCode.get(regionCode)!);
  const writtenAsOwn = ownPrefixes.some((p) => key.startsWith(p));
  for (const ancestor of regionAncestors(registry, regionCode)) {
    const hit = lookupIn(registry, ancestor.code, key);
    if (hit && !(hit.kind === 'alias' && writtenAsOwn)) return { departmentId: hit.id, verified: true, via: 'ancestor' };
  }

  const below = new Map<string, MatchKind>();
  for (const region of regionDescendants(registry, regionCode)) {
    const hit = lookupIn(registry, region.code, key);
    if (hit) below.set(hit.id, hit.kind);
  }
  if (below.size === 1) {
    const [[id, kind]] = [...below];
    return { departmentId: id, verified: true, via: kind };
  }
  return unknown;
}
