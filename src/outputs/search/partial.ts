// When no page holds every word of a query (那曲 排污: 那曲's pages never mention 排污), the search
// page shows the pages that hold most of them, and says so. Pagefind answers a query only with pages
// that hold all of its words, so each word is searched on its own, and the pages are ordered by how
// many of the words they hold, then by their best place in any one word's results (the first of each
// word's results before the second of any), then by the order of the words in the query.
// Apart from client.ts so that it can be tested without a browser.

/** What the search page says above such results. Screen readers hear it: it is in the status line. */
export const PARTIAL_NOTE = '没有同时包含全部词语的结果，以下为包含其中部分词语的结果';

export interface Ranked {
  id: string;
}

/**
 * Pages holding some of `words`, those holding the most words first.
 * `search` gives one word's results in Pagefind's order.
 */
export async function partialResults<R extends Ranked>(
  words: readonly string[],
  search: (word: string) => Promise<readonly R[]>,
): Promise<R[]> {
  const lists = await Promise.all(words.map((w) => search(w)));
  const seen = new Map<string, { result: R; words: number; rank: number; word: number }>();
  lists.forEach((list, word) =>
    list.forEach((result, rank) => {
      const s = seen.get(result.id);
      if (!s) seen.set(result.id, { result, words: 1, rank, word });
      else {
        s.words++;
        if (rank < s.rank) Object.assign(s, { rank, word });
      }
    }),
  );
  return [...seen.values()].sort((a, b) => b.words - a.words || a.rank - b.rank || a.word - b.word).map((s) => s.result);
}
