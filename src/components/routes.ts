// getStaticPaths of the portal's pages: one route per item of a portal list, or pages 2… of paged lists,
// each keyed for the page cache by the URL the page is served at (src/build/page-cache/).
import { withCacheKeys } from '../build/page-cache/context';
import { pageUrl } from '../domain/urls';
import { getPortal } from '../portal/get-portal';
import type { Portal } from '../portal/types';
import { laterPages } from './paging';

interface Route<P> {
  params: Record<string, string>;
  props?: P;
}

/** The routes, with each one's URL handed to the page cache. */
function keyed<P>(routes: { route: Route<P>; url: string }[]) {
  const urls = new WeakMap(routes.map(({ route, url }) => [route, url]));
  return withCacheKeys(
    routes.map(({ route }) => route),
    (route) => urls.get(route)!,
  );
}

/** One page per item of a portal list, served at `url`. */
export async function itemRoutes<T, P>(list: (portal: Portal) => readonly T[], route: (item: T) => Route<P> & { url: string }) {
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
export async function laterPageRoutes<T, P>(
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
