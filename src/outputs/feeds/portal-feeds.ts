// The portal's feeds: one for everything, one per document, one per region (its tasks and its
// descendants'), one per department (tasks it leads, helps with or inherited through 机构改革; not mere
// mentions). Each returns the Atom text; null for an unknown key. Document, region and department feeds
// also carry their 本期变化 (src/portal/changes.ts) as one entry per pair of periods compared, linking
// to the changes page that lists the same changes.
import {
  departmentChangesUrl,
  departmentFeedUrl,
  departmentUrl,
  documentChangesUrl,
  documentFeedUrl,
  documentUrl,
  feedUrl,
  homeUrl,
  regionChangesUrl,
  regionFeedUrl,
  regionUrl,
} from '../../domain/urls';
import type { DepartmentView, Portal, TaskView } from '../../portal/types';
import { periodChanges } from '../../portal/changes';
import { documentTitle } from '../../portal/titles';
import { buildAtomFeed, type ChangeDigest } from './atom';
import { changesOf } from './changes';

interface FeedScope {
  path: string;
  alternatePath: string;
  title: string;
  subtitle: string;
  views: readonly TaskView[];
  /** The scope's changes page, for its 本期变化 entries; none for the feed of everything. */
  changesPath?: string;
}

/** The 本期变化 entries of a scope: one per comparison, with the changes of that comparison. */
export function changeDigests(views: readonly TaskView[], pagePath: string): ChangeDigest[] {
  const result = periodChanges(views);
  return result.comparisons.map((comparison) => ({
    comparison,
    pagePath,
    changes: result.changes.filter((c) => c.period.id === comparison.period.id && c.previousPeriod.id === comparison.previousPeriod.id),
  }));
}

/**
 * The date of a feed with no entries: the newest date its plans carry (issued, written, or the start of
 * their span); the newest of all plans for a feed with no tasks.
 */
export function quietFeedDate(portal: Portal, views: readonly TaskView[]): string {
  const documents = views.length ? new Set(views.map((v) => v.document)) : portal.documents;
  let newest = '';
  for (const d of documents) {
    const date = d.publishedOn ?? d.writtenOn ?? d.meta.span.start;
    if (date > newest) newest = date;
  }
  return newest || portal.generatedOn; // no plans at all: nothing else to date it by
}

function feedOf(portal: Portal, site: string, scope: FeedScope): string {
  const { views, changesPath, ...spec } = scope;
  return buildAtomFeed({
    site,
    ...spec,
    quietSince: quietFeedDate(portal, views),
    changes: changesOf(portal, views),
    digests: changesPath ? changeDigests(views, changesPath) : [],
  });
}

/** The tasks of a department's feed and changes page: led, helped with, inherited (not mere mentions). */
export const feedTasksOfDepartment = (dv: DepartmentView): TaskView[] => [...new Set([...dv.primary, ...dv.helping, ...dv.inherited])];

/** Feed titles, the same in the feeds and in the pages' autodiscovery links. */
export const ALL_FEED_TITLE = '清单：全部任务进展变化';
export const scopeFeedTitle = (name: string) => `清单：${name}任务进展变化`;

export function allFeed(portal: Portal, site: string): string {
  return feedOf(portal, site, {
    path: feedUrl(),
    alternatePath: homeUrl(),
    title: ALL_FEED_TITLE,
    subtitle: '各文件任务的进展状态变化，最新在前。',
    views: portal.tasks,
  });
}

export function documentFeed(portal: Portal, site: string, slug: string): string | null {
  const doc = portal.documents.find((d) => d.slug === slug);
  if (!doc) return null;
  const title = documentTitle(doc);
  return feedOf(portal, site, {
    path: documentFeedUrl(slug),
    alternatePath: documentUrl(slug),
    title: scopeFeedTitle(title),
    subtitle: `${title}${doc.docNumber ? `（${doc.docNumber}）` : ''}各项任务的进展状态变化与本期变化，最新在前。`,
    views: doc.tasks.map((t) => portal.taskById.get(t.id)!).filter(Boolean),
    changesPath: documentChangesUrl(slug),
  });
}

export function regionFeed(portal: Portal, site: string, code: string): string | null {
  const rv = portal.regionByCode.get(code);
  if (!rv) return null;
  const name = rv.region.name;
  return feedOf(portal, site, {
    path: regionFeedUrl(code),
    alternatePath: regionUrl(code),
    title: scopeFeedTitle(name),
    subtitle: `${name}及其下辖区域各文件任务的进展状态变化与本期变化，最新在前。`,
    views: rv.tasks,
    changesPath: regionChangesUrl(code),
  });
}

export function departmentFeed(portal: Portal, site: string, id: string): string | null {
  const dv = portal.departmentById.get(id);
  if (!dv) return null;
  const name = dv.department.name;
  return feedOf(portal, site, {
    path: departmentFeedUrl(id),
    alternatePath: departmentUrl(id),
    title: scopeFeedTitle(name),
    subtitle: `${name}牵头、参与或因机构改革承接的任务的进展状态变化与本期变化，最新在前。`,
    views: feedTasksOfDepartment(dv),
    changesPath: departmentChangesUrl(id),
  });
}
