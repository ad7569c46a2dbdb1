// Unit labels that cover more than the item they follow. A label covers the run of sibling tasks
// before it that name no unit of their own: one 责任单位 line after five numbered measures covers all
// five (inside a 整改问题, a label that covers every measure belongs to the problem itself). A label
// directly under a heading covers the tasks of that section that name none.
import type { Task, UnitRef } from '../../domain/types';
import { walk, type OutlineNode } from './outline';
import { labelList } from './tags';
import type { TaskDraft } from './task-build';
import { mergeUnits } from './unit-names';

const namesUnits = (t: Task) => t.units.some((u) => u.role !== 'mentioned');

/** The units a node's labels give, with the lines they stand on. */
function labelUnitsOf(n: OutlineNode): UnitRef[] {
  return n.labels.flatMap((l) =>
    labelList(l.label!).map((u) => ({
      name: u.name,
      role: u.role,
      ...(u.written ? { written: u.written } : {}),
      basis: `label ${l.label!.key} (line ${l.n})`,
    })),
  );
}

const withCoverage = (units: UnitRef[], from: number) =>
  units.map((u) => ({ ...u, basis: `${u.basis}, covering the tasks before it (from line ${from})` }));

export function applyLabelCoverage(drafts: readonly TaskDraft[]): void {
  const runs = new Map<OutlineNode | null, TaskDraft[]>();
  for (const d of drafts) {
    if (d.source.kind !== 'item') continue;
    const parent = d.source.node.parent;
    runs.set(parent, [...(runs.get(parent) ?? []), d]);
  }
  for (const siblings of runs.values()) {
    let pending: Task[] = [];
    for (const d of siblings) {
      if (d.source.kind !== 'item') continue;
      const { node, measures } = d.source;
      // Labels on measures (the 责任单位 line after a problem's last measure).
      let measurePending: number[] = [];
      measures.forEach((m, i) => {
        const units = labelUnitsOf(m);
        if (units.length === 0) {
          measurePending.push(i);
          return;
        }
        const covered = [...measurePending, i];
        if (covered.length === measures.length) d.task.units = mergeUnits([d.task.units, units]);
        else
          for (const k of covered) {
            const measure = d.task.measures[k];
            measure.units = mergeUnits([
              measure.units.filter((u) => u.role !== 'mentioned'),
              k === i ? units : withCoverage(units, m.block.n),
            ]);
          }
        measurePending = [];
      });
      const own = labelUnitsOf(node);
      if (own.length > 0) {
        for (const p of pending) p.units = mergeUnits([p.units.filter((u) => u.role !== 'mentioned'), withCoverage(own, p.lineStart)]);
        pending = [];
      } else if (!namesUnits(d.task)) {
        pending.push(d.task);
      } else pending = [];
    }
  }
}

/** Unit labels directly under a heading apply to the tasks of that section that name none. */
export function applyHeadingLabels(roots: readonly OutlineNode[], taskOfNode: ReadonlyMap<OutlineNode, Task>): void {
  walk(roots, (n) => {
    if (taskOfNode.has(n) || n.labels.length === 0) return;
    const units = labelUnitsOf(n).map((u) => ({ ...u, basis: `${u.basis}, for the tasks of its section` }));
    if (!units.length) return;
    walk(n.children, (c) => {
      const t = taskOfNode.get(c);
      if (t && !namesUnits(t)) t.units = mergeUnits([t.units.filter((u) => u.role !== 'mentioned'), units]);
    });
  });
}
