// Long lists (a department's tasks, /overdue/, the document index) are split into pages so that no
// HTML page grows with the size of the portal. Page 1 lives at the list's own URL, page n at
// `${base}page/${n}/` (served by the page/[page].astro routes). The "page/" segment keeps page
// numbers apart from slugs: a document called "2" must not collide with page 2 of /documents/.

import type { Portal } from '../portal/types';

export const PAGE_SIZE = 100;

/** What a page of a paged body is given: which page, of which portal. */
export interface PageProps {
  /** 1-based. */
  page: number;
  portal: Portal;
}

export interface Paged<T> {
  /** 1-based. */
  page: number;
  pageCount: number;
  items: T[];
  /** Index of items[0] in the whole list, for numbering rows. */
  offset: number;
  total: number;
}

/** How many pages a list of `total` items needs; an empty list still has its first page. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** One page of a list. Slices only: never copies the whole list. */
export function pageOf<T>(list: readonly T[], page: number, size = PAGE_SIZE): Paged<T> {
  const count = pageCount(list.length, size);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`page ${page} out of 1…${count}`);
  const offset = (page - 1) * size;
  return { page, pageCount: count, items: list.slice(offset, offset + size), offset, total: list.length };
}

/** The `page` route parameters of pages 2…count (page 1 is the list's own route): "2", "3"… */
export function laterPages(count: number): string[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => String(i + 2));
}

/** Parses the route parameter back; throws on anything laterPages would not produce. */
export function parsePageParam(param: string | undefined): number {
  if (param === undefined || !/^[1-9]\d*$/.test(param) || param === '1') throw new Error(`not a page number: "${param}"`);
  return Number(param);
}

/**
 * Several lists on one page (a department's led, helped and overdue tasks) paged together: page n
 * shows the n-th slice of each list that has one.
 */
export function pageCountOf(lists: readonly (readonly unknown[])[], size = PAGE_SIZE): number {
  return Math.max(1, ...lists.map((l) => pageCount(l.length, size)));
}

/** The n-th slice of a list, or null when the list has no items on that page. */
export function sliceOf<T>(list: readonly T[], page: number, size = PAGE_SIZE): Paged<T> | null {
  if (page > pageCount(list.length, size)) return null;
  const p = pageOf(list, page, size);
  return p.items.length > 0 ? p : null;
}

/** Page numbers to show as links: first, last, and a window around the current one; null = gap. */
export function pageWindow(page: number, count: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, count]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= count) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}
