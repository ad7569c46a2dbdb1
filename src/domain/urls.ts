// Every URL of the portal in one place: pages, cards, reports, data and feeds link to each other
// through these functions only, so a link checker failure points at one file.
import { createHash } from 'node:crypto';

export const homeUrl = () => '/';
export const documentUrl = (slug: string) => `/documents/${slug}/`;
export const taskUrl = (taskId: string) => `/tasks/${taskId}/`; // taskId is `${documentSlug}/${localId}`
export const departmentUrl = (departmentId: string) => `/departments/${departmentId}/`;
export const regionUrl = (code: string) => `/regions/${code}/`;
/** Units the registry does not know get a page of their own, keyed by a hash of the name as written. */
export const unitKey = (name: string) => createHash('sha1').update(name).digest('hex').slice(0, 10);
export const unverifiedUnitUrl = (name: string) => `/units/${unitKey(name)}/`;
export const searchUrl = (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/');
export const methodologyUrl = () => '/methodology/';
export const openDataUrl = () => '/data/';
export const documentsIndexUrl = () => '/documents/';
export const departmentsIndexUrl = () => '/departments/';
export const regionsIndexUrl = () => '/regions/';
export const overdueUrl = () => '/overdue/';
/** 本期变化: the latest period's changes against the one before, of a document, a region, a department. */
export const documentChangesUrl = (slug: string) => `${documentUrl(slug)}changes/`;
export const regionChangesUrl = (code: string) => `${regionUrl(code)}changes/`;
export const departmentChangesUrl = (id: string) => `${departmentUrl(id)}changes/`;

/**
 * Page n of a long list whose first page is `base` (ending in "/"): `${base}page/${n}/`. The
 * "page/" segment keeps page numbers apart from slugs (a document called "2" is not page 2).
 */
export function pageUrl(base: string, page: number): string {
  if (!base.endsWith('/')) throw new Error(`list URL must end in "/": ${base}`);
  return page <= 1 ? base : `${base}page/${page}/`;
}

/** Local ids are URL-safe already ("t12", "g2-t3", "p7"); anything else is replaced, never trusted. */
const anchorSafe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');
export const taskAnchor = (localId: string) => `task-${anchorSafe(localId)}`;
export const sectionAnchor = (sectionId: string) => `section-${anchorSafe(sectionId)}`;
export const measureAnchor = (measureId: string) => `measure-${anchorSafe(measureId.split('/').pop() ?? measureId)}`;
/** The task's paragraph in its document's full text. */
export const taskSourceUrl = (documentSlug: string, localId: string) => `${documentUrl(documentSlug)}#${taskAnchor(localId)}`;

/** The social card of a page: /tasks/a/t1/ → /cards/tasks/a/t1.png, / → /cards/index.png. */
export function cardUrl(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/cards/${trimmed === '' ? 'index' : trimmed}.png`;
}

export const regionReportUrl = (code: string, year: string) => `/reports/regions/${code}/${year}.pdf`;
export const documentReportUrl = (slug: string, year: string) => `/reports/documents/${slug}/${year}.pdf`;

/** A document's reporting template (报送模板) for its current period: XLSX, CSV in UTF-8 (with BOM), CSV in GB18030. */
export const TEMPLATE_FORMATS = ['xlsx', 'csv', 'gb18030.csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];
export const templateUrl = (slug: string, format: TemplateFormat) =>
  `${documentUrl(slug)}template${format === 'gb18030.csv' ? '-gb18030.csv' : `.${format}`}`;

export const feedUrl = () => '/feeds/all.xml';
export const regionFeedUrl = (code: string) => `/feeds/regions/${code}.xml`;
export const departmentFeedUrl = (id: string) => `/feeds/departments/${id}.xml`;
export const documentFeedUrl = (slug: string) => `/feeds/documents/${slug}.xml`;
/** The XSLT stylesheet that shows a feed opened in a browser as a readable page (public/feed.xsl). */
export const feedStylesheetUrl = () => '/feed.xsl';
/** The feed's look where the browser runs no XSLT (public/feed.css). */
export const feedCssUrl = () => '/feed.css';
