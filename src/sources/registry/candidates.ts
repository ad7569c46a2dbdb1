// The registry entries closest to a unit name it does not know: what `npm run new` offers an editor to
// confirm (市发改委 → 海东市发展和改革委员会?), and an id for a new entry borrowed from the closest one
// elsewhere (财政部 → 100000-caizheng after 540000-caizheng). Names are compared without their region
// (阿里地区, 市, 县…), by shared character pairs and as abbreviations (发改委 reads 发展和改革委员会).
import { createHash } from 'node:crypto';
import type { Department, Region } from '../../domain/types';
import { regionAncestors, type Registry } from './registry';
import { localPrefixes, normalizeUnitName } from './resolve';

export interface Candidate {
  department: Department;
  region: Region;
  /** 0…1: how alike the names are, less for a department of a region the document does not lie in. */
  score: number;
  /** The name or alias that came closest. */
  matched: string;
}

const GENERIC_PREFIXES = ['国家', '国务院', '中共', '中国'];

/** A name without the region it belongs to: 阿里地区发展和改革委员会 → 发展和改革委员会, 市发改委 → 发改委. */
export function nameCore(name: string, regions: readonly Region[]): string {
  let core = normalizeUnitName(name);
  const forms = regions.flatMap((r) => [r.name, ...r.shortNames]).sort((a, b) => b.length - a.length);
  for (const form of forms) {
    if (form && core.startsWith(form) && core.length > form.length) {
      core = core.slice(form.length);
      break;
    }
  }
  const prefixes = [
    ...new Set([...regions.flatMap(localPrefixes), '地区', '市', '县', '区', '省', '州', '盟', '旗', ...GENERIC_PREFIXES]),
  ].sort((a, b) => b.length - a.length);
  for (const p of prefixes) {
    if (core.startsWith(p) && core.length > p.length + 1) {
      core = core.slice(p.length);
      break;
    }
  }
  return core;
}

const pairs = (s: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
};

/** Dice coefficient over character pairs. */
function dice(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  const rest = [...pb];
  let shared = 0;
  for (const p of pa) {
    const i = rest.indexOf(p);
    if (i >= 0) {
      shared++;
      rest.splice(i, 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/** True when every character of `short` appears in `long` in order. */
function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (j < short.length && ch === short[j]) j++;
  return j === short.length;
}

/** How alike two cores are: 1 for the same, about 0.9 for an abbreviation that keeps the first and last characters. */
export function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let abbreviation = 0;
  if (short.length >= 2 && isSubsequence(short, long)) {
    abbreviation = short[0] === long[0] && short.at(-1) === long.at(-1) ? 0.9 : 0.6;
  }
  return Math.max(abbreviation, dice(a, b));
}

/**
 * The departments whose name or an alias comes closest to `written`, as a document of `regionCode` writes
 * it: best first, at most `max`, none below `floor`. A department of the document's region or one above it
 * counts fully, one elsewhere at 0.8 (it is another office of the same kind, a model for a new entry).
 */
export function closestDepartments(registry: Registry, written: string, regionCode: string, max = 3, floor = 0.4): Candidate[] {
  const regions = registry.regions;
  const core = nameCore(written, regions);
  const near = new Set([regionCode, ...regionAncestors(registry, regionCode).map((r) => r.code)]);
  const out: Candidate[] = [];
  for (const department of registry.departments) {
    const region = registry.regionByCode.get(department.regionCode);
    if (!region) continue;
    let best = 0;
    let matched = department.name;
    for (const form of [department.name, ...department.aliases]) {
      const s = similarity(core, nameCore(form, [region, ...regions]));
      if (s > best) {
        best = s;
        matched = form;
      }
    }
    const score = best * (near.has(department.regionCode) ? 1 : 0.8);
    if (score >= floor) out.push({ department, region, score, matched });
  }
  return out.sort((a, b) => b.score - a.score || a.department.id.localeCompare(b.department.id)).slice(0, max);
}

/**
 * An id for a new entry of `regionCode` named `written`: the closest entry's own suffix (540000-caizheng
 * gives 100000-caizheng) when it is close enough, else a short hash of the name; never one in `taken`.
 */
export function suggestDepartmentId(
  regionCode: string,
  written: string,
  candidates: readonly Candidate[],
  taken: ReadonlySet<string>,
): string {
  const model = candidates.find((c) => c.score >= 0.4 && c.department.regionCode !== regionCode);
  const base = model
    ? `${regionCode}-${model.department.id.slice(model.department.regionCode.length + 1)}`
    : `${regionCode}-u${createHash('sha1').update(normalizeUnitName(written)).digest('hex').slice(0, 6)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
