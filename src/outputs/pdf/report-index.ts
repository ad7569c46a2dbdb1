// What every report of a portal looks up, built once per portal so that each report costs time in
// proportion to its own tasks: tasks by document, departments by task, documents by region, year tallies.
import { STATUS } from '../../domain/status-catalogue';
import { type Document, type StatusReport } from '../../domain/types';
import { yearOf } from '../../portal/available-reports';
import { shownStatus } from '../../portal/current-status';
import { markdownToText } from '../../portal/markdown';
import type { DepartmentView, Portal, TaskView } from '../../portal/types';
import { type Tally, addSource, addTally, emptyTally, laterOf, statusForYear } from './report-tally';

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type Group = 'lead' | 'helping' | 'mentioned' | 'inherited';

/** Built once per portal, so that each report costs time in proportion to its own tasks, not the portal's. */
export interface Index {
  portal: Portal;
  tasksByDocument: Map<string, TaskView[]>;
  /** taskId → the departments linked to it and how. */
  links: Map<string, { dv: DepartmentView; group: Group }[]>;
  /** Documents whose own region is `code` (not the regions below), portal order. */
  documentsOf: (code: string) => Document[];
  /** Direct sub-regions, registry order. */
  childrenOf: (code: string) => string[];
  /** Year counts over a region's own documents and all regions below it: summed from per-document counts, memoized. */
  regionTally: (code: string, year: string) => Tally;
  /** A status report's progress note as plain text (it appears in two PDF reports: its document's and its region's). */
  progressText: (report: StatusReport) => string;
}

export function buildIndex(portal: Portal): Index {
  const tasksByDocument = new Map<string, TaskView[]>();
  for (const tv of portal.tasks) {
    const list = tasksByDocument.get(tv.task.documentSlug);
    if (list) list.push(tv);
    else tasksByDocument.set(tv.task.documentSlug, [tv]);
  }
  const links = new Map<string, { dv: DepartmentView; group: Group }[]>();
  for (const dv of portal.departments) {
    const add = (list: TaskView[] | undefined, group: Group) => {
      for (const tv of list ?? []) {
        const l = links.get(tv.task.id);
        if (l) l.push({ dv, group });
        else links.set(tv.task.id, [{ dv, group }]);
      }
    };
    add(dv.primary, 'lead');
    add(dv.helping, 'helping');
    add(dv.mentioned, 'mentioned');
    add(dv.inherited, 'inherited');
  }
  const children = new Map<string, string[]>();
  for (const rv of portal.regions) {
    const parent = rv.region.parentCode;
    if (parent) push(children, parent, rv.region.code);
  }
  const docsByRegion = new Map<string, Document[]>();
  for (const d of portal.documents) push(docsByRegion, d.meta.regionCode, d);
  const documentsOf = (code: string) => docsByRegion.get(code) ?? [];
  const childrenOf = (code: string) => children.get(code) ?? [];
  const periodsOf = (slug: string) => portal.reportedPeriodsByDocument.get(slug) ?? [];

  // One document in one year: each task's year status by the rule the rows use (statusForYear). Every task
  // is looked at once per year of its document, however many reports above count it.
  const documentTally = (d: Document, year: string): Tally => {
    const t = emptyTally();
    if (!periodsOf(d.slug).some((p) => yearOf(p) === year)) return t;
    t.documentCount = 1;
    for (const tv of tasksByDocument.get(d.slug) ?? []) {
      const at = statusForYear(tv.timeline, year);
      t.taskCount++;
      const shown = shownStatus(at);
      t.counts[shown.status]++;
      if (shown.overdue) t.counts[STATUS.overdue]++;
      const report = shown.report;
      if (tv.demo || report?.source === 'demo') t.demo = true;
      if (report) {
        t.latest = laterOf(t.latest, report.reportedOn);
        addSource(t.sources, report);
      }
    }
    return t;
  };
  const tallies = new Map<string, Tally>();
  const regionTally = (code: string, year: string): Tally => {
    const key = `${code}\u0000${year}`;
    let t = tallies.get(key);
    if (!t) {
      t = emptyTally();
      for (const d of documentsOf(code)) addTally(t, documentTally(d, year));
      for (const c of childrenOf(code)) addTally(t, regionTally(c, year));
      tallies.set(key, t);
    }
    return t;
  };

  const progressText = (r: StatusReport) => markdownToText(r.progress); // remembered by markdownToText itself
  return { portal, tasksByDocument, links, documentsOf, childrenOf, regionTally, progressText };
}
