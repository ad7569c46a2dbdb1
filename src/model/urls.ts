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

/** The social card of a page: /tasks/a/t1/ → /cards/tasks/a/t1.png, / → /cards/index.png. */
export function cardUrl(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/cards/${trimmed === '' ? 'index' : trimmed}.png`;
}

export const regionReportUrl = (code: string, year: string) => `/reports/regions/${code}/${year}.pdf`;
export const documentReportUrl = (slug: string, periodId: string) => `/reports/documents/${slug}/${periodId}.pdf`;

export const feedUrl = () => '/feeds/all.xml';
export const regionFeedUrl = (code: string) => `/feeds/regions/${code}.xml`;
export const departmentFeedUrl = (id: string) => `/feeds/departments/${id}.xml`;
