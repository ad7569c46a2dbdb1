// The sections of a document and the ids of its tasks. Sections come from the items that are not tasks
// (headings, and content items that hold tasks); where numbering restarts among sibling tasks with no
// heading between them, the text implies a group it never names (an implicit section). A task's local
// id is its number ("t12", "p3" for a 整改问题), qualified by its section when plain numbers repeat; an
// unnumbered paragraph task is numbered within its section ("s2-1-u3").
import type { Section } from '../../domain/types';
import type { OutlineNode } from './outline';
import type { TaskSource } from './task-select';

export interface TaskIds {
  id: string;
  localId: string;
  number: string;
  marker: string;
  sectionPath: string[];
}

export interface Sectioning {
  sections: Section[];
  sectionOf: Map<OutlineNode, Section>;
  ids: Map<TaskSource, TaskIds>;
}

const depthOf = (n: OutlineNode) => {
  let d = 1;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
};

export function buildSections(containers: ReadonlySet<OutlineNode>, tasks: readonly TaskSource[], documentSlug: string): Sectioning {
  const sections: Section[] = [];
  const sectionOf = new Map<OutlineNode, Section>();
  const used = new Set<string>();
  const sectionId = (base: string) => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const nearestSection = (n: OutlineNode | null): Section | null => {
    for (let p = n; p; p = p.parent) {
      const s = sectionOf.get(p);
      if (s) return s;
    }
    return null;
  };
  // Containers in document order, each under the nearest container above it.
  for (const n of [...containers].sort((a, b) => a.block.n - b.block.n)) {
    const parent = nearestSection(n.parent);
    const s: Section = {
      id: sectionId(parent ? `${parent.id}.${n.item.value}` : `s${n.item.value}`),
      level: depthOf(n),
      number: n.item.number,
      marker: n.item.marker,
      title: n.item.body,
      parentId: parent?.id ?? null,
      implicit: false,
      line: n.block.n,
    };
    sectionOf.set(n, s);
    sections.push(s);
  }

  // Implicit groups: among sibling item tasks (not 整改问题), numbering that restarts.
  const items = tasks.filter((t): t is Extract<TaskSource, { kind: 'item' }> => t.kind === 'item');
  const byParent = new Map<OutlineNode | null, typeof items>();
  for (const t of items) {
    const list = byParent.get(t.node.parent) ?? [];
    list.push(t);
    byParent.set(t.node.parent, list);
  }
  const groupOf = new Map<TaskSource, number>();
  const groupSections = new Map<string, Section>();
  for (const [parent, siblings] of byParent) {
    const plain = siblings.filter((t) => t.measures.length === 0);
    let group = 1;
    const groups = plain.map((t, i) => {
      if (i > 0 && t.node.item.value <= plain[i - 1].node.item.value) group++;
      return group;
    });
    if (group === 1) continue;
    const parentSection = nearestSection(parent);
    plain.forEach((t, i) => {
      groupOf.set(t, groups[i]);
      const gid = `${parentSection ? parentSection.id + '.' : ''}g${groups[i]}`;
      if (!groupSections.has(gid)) {
        const s: Section = {
          id: gid,
          level: depthOf(t.node),
          number: String(groups[i]),
          marker: '',
          title: `第${groups[i]}组`,
          parentId: parentSection?.id ?? null,
          implicit: true,
          line: t.node.block.n,
        };
        groupSections.set(gid, s);
        sections.push(s);
      }
    });
  }
  sections.sort((a, b) => a.line - b.line);

  const pathOf = (n: OutlineNode | null, group?: number): string[] => {
    const path: string[] = [];
    for (let p = n; p; p = p.parent) {
      const s = sectionOf.get(p);
      if (s) path.unshift(s.id);
    }
    if (group !== undefined) {
      const parent = path[path.length - 1];
      path.push(`${parent ? parent + '.' : ''}g${group}`);
    }
    return path;
  };

  // Plain numbers ("t3") that repeat among tasks outside implicit groups are qualified by their section.
  const plainKey = (t: TaskSource) =>
    t.kind === 'paragraph' ? `u${t.index}` : t.measures.length && t.problem ? `p${t.node.item.value}` : `t${t.node.item.value}`;
  const counts = new Map<string, number>();
  for (const t of tasks) if (!groupOf.has(t) && t.kind === 'item') counts.set(plainKey(t), (counts.get(plainKey(t)) ?? 0) + 1);
  const ambiguous = [...counts.values()].some((c) => c > 1);

  const ids = new Map<TaskSource, TaskIds>();
  const usedLocal = new Set<string>();
  for (const t of tasks) {
    const g = groupOf.get(t);
    const path = t.kind === 'item' ? pathOf(t.node.parent, g) : pathOf(t.container);
    const own = t.kind === 'item' ? t.node.item : null;
    let localId = g !== undefined ? `g${g}-${plainKey(t)}` : plainKey(t);
    let number =
      t.kind === 'item'
        ? g !== undefined
          ? `${g}-${own!.number}`
          : own!.number
        : `${t.container?.item.number ?? ''}${t.container ? '-' : ''}${t.index}`;
    const qualify = t.kind === 'paragraph' || (ambiguous && g === undefined);
    const s = path[path.length - 1];
    if (qualify && s) {
      localId = `${s.replace(/\./g, '-')}-${localId}`;
      if (t.kind === 'item') number = `${sections.find((x) => x.id === s)!.number}-${own!.number}`;
    }
    for (let k = 2; usedLocal.has(localId); k++) localId = `${localId.replace(/_\d+$/, '')}_${k}`;
    usedLocal.add(localId);
    ids.set(t, { id: `${documentSlug}/${localId}`, localId, number, marker: own?.marker ?? '', sectionPath: path });
  }
  return { sections, sectionOf, ids };
}
