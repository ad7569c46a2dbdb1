// Orders of the index pages, computed once per build (every page of a paged index reuses them).
import type { DepartmentView, Portal } from '../model/portal-types';
import type { Document } from '../model/types';
import { overdueOf } from './summaries';

const cache = new WeakMap<Portal, { documents?: Document[]; departments?: DepartmentView[]; overdue?: ReturnType<typeof overdueOf> }>();
const slot = (p: Portal) => {
  let c = cache.get(p);
  if (!c) cache.set(p, (c = {}));
  return c;
};

/** Newest first by publication date (undated last), then by slug for a stable order. */
export function sortedDocuments(portal: Portal): Document[] {
  const c = slot(portal);
  return (c.documents ??= [...portal.documents].sort(
    (a, b) => (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') || a.slug.localeCompare(b.slug),
  ));
}

/** By region code, then by the number of tasks led (most first), then by name. */
export function sortedDepartments(portal: Portal): DepartmentView[] {
  const c = slot(portal);
  return (c.departments ??= [...portal.departments].sort(
    (a, b) =>
      a.department.regionCode.localeCompare(b.department.regionCode) ||
      b.primary.length - a.primary.length ||
      a.department.name.localeCompare(b.department.name, 'zh-Hans-CN'),
  ));
}

/** All overdue tasks of the portal, longest overdue first. */
export function allOverdue(portal: Portal) {
  const c = slot(portal);
  return (c.overdue ??= overdueOf(portal.tasks));
}
