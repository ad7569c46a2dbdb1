// Sorting search results by deadline (deadline-order.ts): dated deadlines only, filed per shard, undated last.
import { describe, expect, it } from 'vitest';
import { deadlineFile, deadlineIndex, sortByDeadline, sortDate } from '../../../src/outputs/search/deadline-order';
import { orderedSource, type PagefindResult, type PagefindResultData } from '../../../src/outputs/search/result-order';

describe('deadline order', () => {
  const result = (id: string) => ({ id, data: async (): Promise<PagefindResultData> => ({ url: id, excerpt: '', meta: {} }) });

  it('sorts by the date of a dated deadline only', () => {
    expect(sortDate({ deadline: '2018-06-30' })).toBe('2018-06-30');
    expect(sortDate({ deadline: '2018年6月30日前' })).toBeNull();
    expect(sortDate({ deadline: '长期' })).toBeNull();
    expect(sortDate({})).toBeNull();
  });

  it('files ids by language prefix and date, leaves undated pages out, and reads back every id', () => {
    const pages = [
      { id: 'zh-cn_a3a67ed', date: '2019-12-31' },
      { id: 'zh-cn_71af87b', date: '2018-06-30' },
      { id: 'zh-cn_121fb52a', date: '2019-12-31' }, // Pagefind lengthens an id whose short hash collides
      { id: 'zh-cn_7396fc2', date: null },
      { id: 'en_d6a6a45', date: '2020-01-01' },
    ];
    const file = deadlineFile(pages);
    expect(file).toEqual({ 'zh-cn_': { '2019-12-31': '121fb52a a3a67ed', '2018-06-30': '71af87b' }, en_: { '2020-01-01': 'd6a6a45' } });
    // The same bytes whatever order the pages come in (Pagefind's getFiles gives no order).
    expect(JSON.stringify(deadlineFile([...pages].reverse()))).toBe(JSON.stringify(file));
    const index = deadlineIndex([file, deadlineFile([{ id: 'zh-cn_f17da1a', date: '2021-01-01' }])]);
    expect(Object.fromEntries(index)).toEqual({
      'zh-cn_a3a67ed': '2019-12-31',
      'zh-cn_121fb52a': '2019-12-31',
      'zh-cn_71af87b': '2018-06-30',
      en_d6a6a45: '2020-01-01',
      'zh-cn_f17da1a': '2021-01-01',
    });
  });

  it('orders results by deadline, undated last, equal deadlines in relevance order', async () => {
    const index = new Map([
      ['a', '2021-12-31'],
      ['b', '2019-06-30'],
      ['c', '2021-12-31'],
      ['d', '2018-01-01'],
    ]);
    const results = ['x', 'a', 'b', 'y', 'c', 'd'].map(result);
    expect(sortByDeadline(results, index).map((r) => r.id)).toEqual(['d', 'b', 'a', 'c', 'x', 'y']);
    expect(results.map((r) => r.id)).toEqual(['x', 'a', 'b', 'y', 'c', 'd']); // the input is left as it was
    const shown = orderedSource(sortByDeadline(results, index) as PagefindResult[]);
    expect(shown.count).toBe(6);
    expect((await shown.next(4)).map((d) => d.url)).toEqual(['d', 'b', 'a', 'c']);
    expect((await shown.next(4)).map((d) => d.url)).toEqual(['x', 'y']);
  });
});
