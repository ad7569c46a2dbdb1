// The feeds that concern a page, for its autodiscovery links (<link rel="alternate"> in the head, see
// src/layouts/Base.astro): a document's pages and its tasks' pages offer the document's feed and its
// region's, a region's pages the region's, a department's pages the department's; every page the feed of
// everything, last. Read from the page's path, so no page has to pass them; reads no status data.
import { departmentFeedUrl, documentFeedUrl, feedUrl, regionFeedUrl } from '../domain/urls';
import { documentTitle } from '../portal/titles';
import type { Portal } from '../portal/types';
import { ALL_FEED_TITLE, scopeFeedTitle } from '../outputs/feeds/portal-feeds';

export interface PageFeed {
  href: string;
  title: string;
}

/** Documents by slug, once per portal: every page of the site asks. */
const bySlug = new WeakMap<Portal, Map<string, Portal['documents'][number]>>();
const documentOf = (portal: Portal, slug: string) => {
  let map = bySlug.get(portal);
  if (!map) bySlug.set(portal, (map = new Map(portal.documents.map((d) => [d.slug, d]))));
  return map.get(slug);
};

export function feedsForPath(portal: Portal, path: string): PageFeed[] {
  const [, section, key] = path.split('/');
  const out: PageFeed[] = [];
  const region = (code: string) => {
    const rv = portal.regionByCode.get(code);
    if (rv) out.push({ href: regionFeedUrl(code), title: scopeFeedTitle(rv.region.name) });
  };
  if ((section === 'documents' || section === 'tasks') && key) {
    const doc = documentOf(portal, key);
    if (doc) {
      out.push({ href: documentFeedUrl(doc.slug), title: scopeFeedTitle(documentTitle(doc)) });
      region(doc.meta.regionCode);
    }
  } else if (section === 'regions' && key) {
    region(key);
  } else if (section === 'departments' && key) {
    const dv = portal.departmentById.get(key);
    if (dv) out.push({ href: departmentFeedUrl(key), title: scopeFeedTitle(dv.department.name) });
  }
  out.push({ href: feedUrl(), title: ALL_FEED_TITLE });
  return out;
}
