// sitemap.xml (sitemaps.org 0.9): every HTML page, enumerated from the portal's indexes.
// A sitemap may hold at most 50,000 URLs, so a larger portal gets a sitemap index at /sitemap.xml
// pointing at /sitemap-1.xml, /sitemap-2.xml… (they must sit at the root to cover the whole site).
import type { Portal } from '../../portal/types';
import {
  departmentChangesUrl,
  departmentUrl,
  documentChangesUrl,
  documentUrl,
  homeUrl,
  methodologyUrl,
  openDataUrl,
  regionChangesUrl,
  regionUrl,
  searchUrl,
  taskUrl,
  unverifiedUnitUrl,
} from '../../domain/urls';
import { departmentsIndexUrl, documentsIndexUrl, overdueUrl, regionsIndexUrl } from '../../domain/urls';
import { escapeXml } from '../../portal/escape';

export const SITEMAP_MAX_URLS = 50_000;

/**
 * Every HTML page path of the portal, each once, in a stable order. Later pages of paged lists
 * (…/page/2/) are left out: they are continuations reached from page 1, and every item on them
 * has its own page listed here.
 */
export function pagePaths(portal: Portal): string[] {
  const hit = cache.get(portal);
  if (hit) return hit;
  const paths: string[] = [
    homeUrl(),
    documentsIndexUrl(),
    departmentsIndexUrl(),
    regionsIndexUrl(),
    overdueUrl(),
    searchUrl(),
    methodologyUrl(),
    openDataUrl(),
  ];
  for (const d of portal.documents) paths.push(documentUrl(d.slug));
  for (const t of portal.tasks) paths.push(taskUrl(t.task.id));
  for (const d of portal.departments) paths.push(departmentUrl(d.department.id));
  for (const r of portal.regions) paths.push(regionUrl(r.region.code));
  for (const name of portal.unverifiedByName.keys()) paths.push(unverifiedUnitUrl(name));
  for (const d of portal.documents) paths.push(documentChangesUrl(d.slug));
  for (const d of portal.departments) paths.push(departmentChangesUrl(d.department.id));
  for (const r of portal.regions) paths.push(regionChangesUrl(r.region.code));
  const unique = [...new Set(paths)];
  cache.set(portal, unique);
  return unique;
}

// /sitemap.xml and every /sitemap-<n>.xml ask for the same list.
const cache = new WeakMap<Portal, string[]>();

export const sitemapChunkPath = (n: number) => `/sitemap-${n}.xml`;

export function sitemapChunkCount(pathCount: number): number {
  return pathCount <= SITEMAP_MAX_URLS ? 0 : Math.ceil(pathCount / SITEMAP_MAX_URLS);
}

export function urlset(site: string, paths: readonly string[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  // Sitemaps want RFC 3986 URLs: percent-encode anything non-ASCII a slug might hold.
  for (const p of paths) lines.push(`<url><loc>${escapeXml(site + encodeURI(p))}</loc></url>`);
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function sitemapIndex(site: string, chunks: number): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (let n = 1; n <= chunks; n++) lines.push(`<sitemap><loc>${escapeXml(site + sitemapChunkPath(n))}</loc></sitemap>`);
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

/** /sitemap.xml: the urlset itself, or an index when the portal outgrows one file. */
export function sitemapXml(site: string, paths: readonly string[]): string {
  const chunks = sitemapChunkCount(paths.length);
  return chunks === 0 ? urlset(site, paths) : sitemapIndex(site, chunks);
}

/** /sitemap-<n>.xml, n from 1. */
export function sitemapChunk(site: string, paths: readonly string[], n: number): string {
  return urlset(site, paths.slice((n - 1) * SITEMAP_MAX_URLS, n * SITEMAP_MAX_URLS));
}
