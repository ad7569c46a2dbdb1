// The portal's feeds: one for everything, one per region (its tasks and its descendants'), one per
// department (tasks it leads, helps with or inherited through 机构改革; not mere mentions). Each returns the Atom text; null for an unknown key.
import type { Portal } from '../../portal/types';
import { departmentFeedUrl, departmentUrl, feedUrl, homeUrl, regionFeedUrl, regionUrl } from '../../domain/urls';
import { buildAtomFeed } from './atom';
import { changesOf } from './changes';

export function allFeed(portal: Portal, site: string): string {
  return buildAtomFeed({
    site,
    path: feedUrl(),
    alternatePath: homeUrl(),
    title: '清单：全部任务进展变化',
    subtitle: '各文件任务的进展状态变化，最新在前。',
    generatedOn: portal.generatedOn,
    changes: changesOf(portal, portal.tasks),
  });
}

export function regionFeed(portal: Portal, site: string, code: string): string | null {
  const rv = portal.regionByCode.get(code);
  if (!rv) return null;
  return buildAtomFeed({
    site,
    path: regionFeedUrl(code),
    alternatePath: regionUrl(code),
    title: `清单：${rv.region.name}任务进展变化`,
    subtitle: `${rv.region.name}及其下辖区域各文件任务的进展状态变化，最新在前。`,
    generatedOn: portal.generatedOn,
    changes: changesOf(portal, rv.tasks),
  });
}

export function departmentFeed(portal: Portal, site: string, id: string): string | null {
  const dv = portal.departmentById.get(id);
  if (!dv) return null;
  return buildAtomFeed({
    site,
    path: departmentFeedUrl(id),
    alternatePath: departmentUrl(id),
    title: `清单：${dv.department.name}任务进展变化`,
    subtitle: `${dv.department.name}牵头、参与或因机构改革承接的任务的进展状态变化，最新在前。`,
    generatedOn: portal.generatedOn,
    changes: changesOf(portal, [...dv.primary, ...dv.helping, ...dv.inherited]),
  });
}
