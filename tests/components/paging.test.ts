// Long lists in pages (paging.ts): page counts, slices, route parameters and the window of page links.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, laterPages, pageCount, pageCountOf, pageOf, pageWindow, parsePageParam, sliceOf } from '../../src/components/paging';

describe('paging', () => {
  it('counts pages; an empty list still has one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });
  it('slices pages and refuses pages that do not exist', () => {
    const list = Array.from({ length: 250 }, (_, i) => i);
    const p3 = pageOf(list, 3);
    expect(p3).toMatchObject({ page: 3, pageCount: 3, offset: 200, total: 250 });
    expect(p3.items).toEqual(list.slice(200));
    expect(() => pageOf(list, 4)).toThrow(/out of/);
    expect(() => pageOf(list, 0)).toThrow();
    expect(pageOf([], 1).items).toEqual([]);
  });
  it('round-trips route parameters', () => {
    const params = laterPages(3);
    expect(params).toEqual(['2', '3']);
    expect(params.map(parsePageParam)).toEqual([2, 3]);
    expect(laterPages(1)).toEqual([]);
    for (const bad of ['1', '0', '02', 'x', '-1', undefined]) expect(() => parsePageParam(bad)).toThrow();
  });
  it('pages several lists together', () => {
    const a = Array.from({ length: 150 }, (_, i) => i);
    const b = [1, 2];
    expect(pageCountOf([a, b, []])).toBe(2);
    expect(pageCountOf([[], []])).toBe(1);
    expect(sliceOf(a, 2)?.items).toEqual(a.slice(100));
    expect(sliceOf(b, 2)).toBeNull();
    expect(sliceOf([], 1)).toBeNull();
  });
  it('shows a window of page links with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
});
