// Pages holding most of a query's words, when none holds all (src/outputs/search/partial.ts).
import { describe, expect, it } from 'vitest';
import { PARTIAL_NOTE, partialResults } from '../../../src/outputs/search/partial';

const lists: Record<string, string[]> = {
  那曲: ['p10', 'p9', 'g3'],
  扬尘: ['g3', 'p10', 'p11'],
  排污: ['t53', 't31'],
};
const search = async (w: string) => (lists[w] ?? []).map((id) => ({ id }));

describe('partialResults', () => {
  it('puts the pages holding the most words first', async () => {
    const ids = (await partialResults(['那曲', '扬尘', '排污'], search)).map((r) => r.id);
    expect(ids.slice(0, 2).sort()).toEqual(['g3', 'p10']);
    expect(ids).toHaveLength(6);
  });

  it('takes each word’s first results before any word’s second, in the order of the query', async () => {
    const ids = (await partialResults(['那曲', '排污'], search)).map((r) => r.id);
    expect(ids).toEqual(['p10', 't53', 'p9', 't31', 'g3']);
  });

  it('gives nothing when no word finds anything', async () => {
    expect(await partialResults(['无', '有'], search)).toEqual([]);
  });

  it('says so in words the test of the search page reads', () => {
    expect(PARTIAL_NOTE).toMatch(/没有同时包含.*的结果，以下为包含其中部分词语的结果/);
  });
});
