// Orders of the index pages, computed once per build (every page of a paged index reuses them).
// Memos replay what they read (src/portal/reads.ts), so incremental builds see every page's reads.
import type { DepartmentView, Portal } from '../portal/types';
import type { Document } from '../domain/types';
import { memoWithReads } from '../portal/reads';
import { overdueOf } from './summaries';

/** Newest first by publication date (undated last), then by slug for a stable order. */
export const sortedDocuments = memoWithReads((portal: Portal): Document[] =>
  [...portal.documents].sort((a, b) => (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') || a.slug.localeCompare(b.slug)),
);

/** By region code, then by the number of tasks led (most first), then by name. */
export const sortedDepartments = memoWithReads((portal: Portal): DepartmentView[] =>
  [...portal.departments].sort(
    (a, b) =>
      a.department.regionCode.localeCompare(b.department.regionCode) ||
      b.primary.length - a.primary.length ||
      a.department.name.localeCompare(b.department.name, 'zh-Hans-CN'),
  ),
);

/** All overdue tasks of the portal, longest overdue first. */
export const allOverdue = memoWithReads((portal: Portal) => overdueOf(portal.tasks));
