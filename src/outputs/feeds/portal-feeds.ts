// The portal's feeds: one for everything, one per region (its tasks and its descendants'), one per
// department (tasks it leads, helps with or inherited through 机构改革; not mere mentions). Each returns
// the Atom text; null for an unknown key.
import { departmentFeedUrl, departmentUrl, feedUrl, homeUrl, regionFeedUrl, regionUrl } from '../../domain/urls';
import type { Portal, TaskView } from '../../portal/types';
import { buildAtomFeed } from './atom';
import { changesOf } from './changes';

interface FeedScope {
  path: string;
  alternatePath: string;
  title: string;
  subtitle: string;
  views: Iterable<TaskView>;
}

function feedOf(portal: Portal, site: string, scope: FeedScope): string {
  const { views, ...spec } = scope;
  return buildAtomFeed({ site, ...spec, generatedOn: portal.generatedOn, changes: changesOf(portal, views) });
}

export function allFeed(portal: Portal, site: string): string {
  return feedOf(portal, site, {
    path: feedUrl(),
    alternatePath: homeUrl(),
    title: '清单：全部任务进展变化',
    subtitle: '各文件任务的进展状态变化，最新在前。',
    views: portal.tasks,
  });
}

export function regionFeed(portal: Portal, site: string, code: string): string | null {
  const rv = portal.regionByCode.get(code);
  if (!rv) return null;
  const name = rv.region.name;
  return feedOf(portal, site, {
    path: regionFeedUrl(code),
    alternatePath: regionUrl(code),
    title: `清单：${name}任务进展变化`,
    subtitle: `${name}及其下辖区域各文件任务的进展状态变化，最新在前。`,
    views: rv.tasks,
  });
}

export function departmentFeed(portal: Portal, site: string, id: string): string | null {
  const dv = portal.departmentById.get(id);
  if (!dv) return null;
  const name = dv.department.name;
  return feedOf(portal, site, {
    path: departmentFeedUrl(id),
    alternatePath: departmentUrl(id),
    title: `清单：${name}任务进展变化`,
    subtitle: `${name}牵头、参与或因机构改革承接的任务的进展状态变化，最新在前。`,
    views: [...dv.primary, ...dv.helping, ...dv.inherited],
  });
}
