// "Related tasks" on a task page: the tasks next to it in the same section, and the other tasks of its
// lead department. Built from the portal's indexes with per-list caches, so rendering 50,000 task pages
// costs O(tasks), not O(tasks²): never scan portal.tasks here.
import type { Portal, TaskView } from '../portal/types';
import type { Department } from '../domain/types';
import type { Document, Section, Task } from '../domain/types';

/**
 * Up to `limit` items nearest to list[index] (alternating after/before), excluding it, returned in
 * list order so readers see them as the document orders them.
 */
export function neighbours<T>(list: readonly T[], index: number, limit: number): T[] {
  const picked: number[] = [];
  for (let d = 1; picked.length < limit && (index + d < list.length || index - d >= 0); d++) {
    if (index + d < list.length) picked.push(index + d);
    if (picked.length < limit && index - d >= 0) picked.push(index - d);
  }
  return picked.sort((a, b) => a - b).map((i) => list[i]);
}

const sectionTasks = new WeakMap<Document, Map<string, Task[]>>();
const sectionById = new WeakMap<Document, Map<string, Section>>();
const positions = new WeakMap<readonly unknown[], Map<unknown, number>>();

function tasksBySection(doc: Document): Map<string, Task[]> {
  let m = sectionTasks.get(doc);
  if (!m) {
    m = new Map();
    for (const t of doc.tasks) {
      const key = t.sectionPath.at(-1) ?? '';
      let list = m.get(key);
      if (!list) m.set(key, (list = []));
      list.push(t);
    }
    sectionTasks.set(doc, m);
  }
  return m;
}

/** The section of a document by id, cached per document. */
export function sectionOf(doc: Document, id: string): Section | undefined {
  let m = sectionById.get(doc);
  if (!m) sectionById.set(doc, (m = new Map(doc.sections.map((s) => [s.id, s]))));
  return m.get(id);
}

/** Index of an item in a list, through a map built once per list. */
function positionIn<T>(list: readonly T[], item: T): number {
  let m = positions.get(list);
  if (!m) positions.set(list, (m = new Map(list.map((x, i) => [x as unknown, i]))));
  return m.get(item) ?? -1;
}

export interface Related {
  section: { section: Section | null; tasks: TaskView[] };
  department: { department: Department | null; tasks: TaskView[] };
}

export function relatedTasks(view: TaskView, portal: Pick<Portal, 'taskById' | 'departmentById'>, limit = 6): Related {
  const doc = view.document;
  const sectionId = view.task.sectionPath.at(-1) ?? '';
  const siblings = tasksBySection(doc).get(sectionId) ?? [];
  const sameSection = neighbours(siblings, positionIn(siblings, view.task), limit)
    .map((t) => portal.taskById.get(t.id))
    .filter((t): t is TaskView => t !== undefined);

  const deptId = view.primaryUnits.find((u) => u.departmentId)?.departmentId ?? null;
  const dv = deptId ? (portal.departmentById.get(deptId) ?? null) : null;
  let sameDept: TaskView[] = [];
  if (dv) {
    const shown = new Set(sameSection.map((t) => t.task.id));
    const list = dv.primary;
    // Ask for more than needed: some may already be listed under the same section.
    sameDept = neighbours(list, positionIn(list, view), limit + shown.size)
      .filter((t) => !shown.has(t.task.id) && t !== view)
      .slice(0, limit);
  }
  return {
    section: { section: sectionId ? (sectionOf(doc, sectionId) ?? null) : null, tasks: sameSection },
    department: { department: dv?.department ?? null, tasks: sameDept },
  };
}
