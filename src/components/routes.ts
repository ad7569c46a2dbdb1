// getStaticPaths of every route of the portal: one page per item of a portal list, or pages 2… of paged
// lists, each keyed for the page cache by the URL the page is served at (src/build/page-cache/).
import { withCacheKeys } from '../build/page-cache/context';
import {
  departmentChangesUrl,
  departmentFeedUrl,
  documentChangesUrl,
  documentFeedUrl,
  departmentsIndexUrl,
  documentsIndexUrl,
  documentUrl,
  overdueUrl,
  pageUrl,
  regionChangesUrl,
  regionFeedUrl,
  unitKey,
  unverifiedUnitUrl,
} from '../domain/urls';
import { pagePaths, sitemapChunkCount, sitemapChunkPath } from '../outputs/feeds/sitemap';
import { getPortal } from '../portal/get-portal';
import type { Portal } from '../portal/types';
import { allOverdue } from './indexes';
import { laterPages, pageCount, pageCountOf } from './paging';
import { overdueOf } from './summaries';

interface Route<P extends Record<string, unknown>> {
  params: Record<string, string>;
  props?: P;
}

/** The routes, with each one's URL handed to the page cache. */
function keyed<P extends Record<string, unknown>>(routes: { route: Route<P>; url: string }[]) {
  const urls = new WeakMap(routes.map(({ route, url }) => [route, url]));
  return withCacheKeys(
    routes.map(({ route }) => route),
    (route) => urls.get(route)!,
  );
}

/** One page per item of a portal list, served at `url`. */
async function itemRoutes<T, P extends Record<string, unknown> = Record<string, unknown>>(
  list: (portal: Portal) => readonly T[],
  route: (item: T) => Route<P> & { url: string },
) {
  const portal = await getPortal();
  return keyed(
    list(portal).map((item) => {
      const { url, ...rest } = route(item);
      return { route: rest, url };
    }),
  );
}

/**
 * Pages 2… of the paged lists of each item (a region's documents, a department's tasks; page 1 is the
 * item's own route): `pages` of them, under the list's first page `base`.
 */
async function laterPageRoutes<T, P extends Record<string, unknown> = Record<string, unknown>>(
  list: (portal: Portal) => readonly T[],
  pages: (item: T) => number,
  route: (item: T, page: string) => Route<P> & { base: string },
) {
  const portal = await getPortal();
  return keyed(
    list(portal).flatMap((item) =>
      laterPages(pages(item)).map((page) => {
        const { base, ...rest } = route(item, page);
        return { route: rest, url: pageUrl(base, Number(page)) };
      }),
    ),
  );
}

/** The tasks naming an unverified unit, once each. */
const unitTaskCount = (occurrences: { taskId: string }[]) => new Set(occurrences.map((o) => o.taskId)).size;

export const documentRoutes = () =>
  itemRoutes(
    (p) => p.documents,
    (doc) => ({ params: { slug: doc.slug }, props: { doc }, url: documentUrl(doc.slug) }),
  );

export const taskRoutes = () =>
  itemRoutes(
    (p) => p.tasks,
    (view) => ({ params: { doc: view.document.slug, local: view.task.localId }, props: { view }, url: view.url }),
  );

export const departmentRoutes = () =>
  itemRoutes(
    (p) => p.departments,
    (dv) => ({ params: { id: dv.department.id }, props: { dv }, url: dv.url }),
  );

export const departmentPageRoutes = () =>
  laterPageRoutes(
    (p) => p.departments,
    (dv) => pageCountOf([dv.primary, dv.helping, dv.mentioned, dv.inherited]),
    (dv, page) => ({ params: { id: dv.department.id, page }, props: { dv }, base: dv.url }),
  );

export const regionRoutes = () =>
  itemRoutes(
    (p) => p.regions,
    (rv) => ({ params: { code: rv.region.code }, props: { rv }, url: rv.url }),
  );

export const regionPageRoutes = () =>
  laterPageRoutes(
    (p) => p.regions,
    (rv) => pageCountOf([rv.documents, overdueOf(rv.tasks)]),
    (rv, page) => ({ params: { code: rv.region.code, page }, props: { rv }, base: rv.url }),
  );

export const unitRoutes = () =>
  itemRoutes(
    (p) => [...p.unverifiedByName],
    ([name, occurrences]) => ({ params: { key: unitKey(name) }, props: { name, occurrences }, url: unverifiedUnitUrl(name) }),
  );

export const unitPageRoutes = () =>
  laterPageRoutes(
    (p) => [...p.unverifiedByName],
    ([, occurrences]) => pageCount(unitTaskCount(occurrences)),
    ([name, occurrences], page) => ({ params: { key: unitKey(name), page }, props: { name, occurrences }, base: unverifiedUnitUrl(name) }),
  );

/** Pages 2… of an index of the whole portal: `count` items under `base`. */
const indexPageRoutes = (count: (portal: Portal) => number, base: string) =>
  laterPageRoutes(
    (p) => [p],
    (p) => pageCount(count(p)),
    (_, page) => ({ params: { page }, base }),
  );

export const documentsPageRoutes = () => indexPageRoutes((p) => p.documents.length, documentsIndexUrl());
export const departmentsPageRoutes = () => indexPageRoutes((p) => p.departments.length, departmentsIndexUrl());
export const overduePageRoutes = () => indexPageRoutes((p) => allOverdue(p).length, overdueUrl());

export const regionFeedRoutes = () =>
  itemRoutes(
    (p) => p.regions,
    (rv) => ({ params: { code: rv.region.code }, url: regionFeedUrl(rv.region.code) }),
  );
export const departmentFeedRoutes = () =>
  itemRoutes(
    (p) => p.departments,
    (dv) => ({ params: { id: dv.department.id }, url: departmentFeedUrl(dv.department.id) }),
  );

export const documentFeedRoutes = () =>
  itemRoutes(
    (p) => p.documents,
    (doc) => ({ params: { slug: doc.slug }, url: documentFeedUrl(doc.slug) }),
  );

/** 本期变化 of each document, region and department. */
export const documentChangesRoutes = () =>
  itemRoutes(
    (p) => p.documents,
    (doc) => ({ params: { slug: doc.slug }, props: { doc }, url: documentChangesUrl(doc.slug) }),
  );
export const regionChangesRoutes = () =>
  itemRoutes(
    (p) => p.regions,
    (rv) => ({ params: { code: rv.region.code }, props: { rv }, url: regionChangesUrl(rv.region.code) }),
  );
export const departmentChangesRoutes = () =>
  itemRoutes(
    (p) => p.departments,
    (dv) => ({ params: { id: dv.department.id }, props: { dv }, url: departmentChangesUrl(dv.department.id) }),
  );

export const sitemapChunkRoutes = () =>
  itemRoutes(
    (p) => Array.from({ length: sitemapChunkCount(pagePaths(p).length) }, (_, i) => i + 1),
    (n) => ({ params: { n: String(n) }, url: sitemapChunkPath(n) }),
  );
