// The registry (content/registry/): regions with their official codes, and per region the
// departments that plans name, with the names plans write for them and the institutional reforms
// (机构改革) that handed their duties on. Loaded by load.ts; units resolve through resolve.ts. Here: the
// registry's shape and the questions pages ask of it (regions above and below, successions).
import type { Department, Region } from '../../domain/types';

/** Part of a department's duties handed to another department (民政局 disaster relief → 应急管理局). */
export interface DutyTransfer {
  from: string;
  to: string;
  on: string;
  duties: string;
}

export type MatchKind = 'name' | 'alias';

/** A department entry an editor has still to check (`todo:`, as `npm run new` writes stubs): it resolves nothing yet. */
export interface PendingDepartment {
  id: string;
  name: string;
  aliases: string[];
  regionCode: string;
  /** What is left to check, with the closest entries as candidates. */
  todo: string;
  file: string;
  line: number | null;
}

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
  /** Stubs not yet confirmed, listed by `npm run validate`. */
  pending: PendingDepartment[];
}

export interface UnitResolution {
  departmentId: string | null;
  verified: boolean;
  /** name/alias: found in the document's region (or, when unique, below it); ancestor: in a region above. */
  via: 'name' | 'alias' | 'ancestor' | null;
}

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
