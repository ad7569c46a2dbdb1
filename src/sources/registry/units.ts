// Units of ingested documents through the registry: each UnitRef becomes a ResolvedUnit (kept as
// written, with the department it names when the registry knows it), and the units it does not
// know are listed for `npm run validate` and the portal — never dropped.
import type { ResolvedUnit, UnverifiedUnit } from '../../domain/types';
import type { Document, UnitRef } from '../../domain/types';
import { type Registry } from './registry';
import { resolveUnit } from './resolve';

export function resolveUnitRef(registry: Registry, unit: UnitRef, regionCode: string): ResolvedUnit {
  const { departmentId, verified } = resolveUnit(registry, unit.name, regionCode);
  return { ...unit, departmentId, verified };
}

/** Every unit of a document, task by task and measure by measure, with its source line. */
export function documentUnits(doc: Document): Array<{ unit: UnitRef; taskId: string; line: number }> {
  const out: Array<{ unit: UnitRef; taskId: string; line: number }> = [];
  for (const task of doc.tasks) {
    for (const unit of task.units) out.push({ unit, taskId: task.id, line: task.lineStart });
    for (const m of task.measures) for (const unit of m.units) out.push({ unit, taskId: task.id, line: m.line });
  }
  return out;
}

/** Units the registry does not know, one entry per task, name and role, in document order. */
export function unverifiedUnits(registry: Registry, documents: Document[]): UnverifiedUnit[] {
  const out: UnverifiedUnit[] = [];
  const seen = new Set<string>();
  for (const doc of documents) {
    for (const { unit, taskId, line } of documentUnits(doc)) {
      if (resolveUnit(registry, unit.name, doc.meta.regionCode).verified) continue;
      const key = `${taskId}\u0000${unit.name}\u0000${unit.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: unit.name, role: unit.role, taskId, documentSlug: doc.slug, line });
    }
  }
  return out;
}
