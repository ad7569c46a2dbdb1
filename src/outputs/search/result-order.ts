// The order of search results on the search page: Pagefind's own, or by deadline over several
// shards. Apart from client.ts so that it can be tested without a browser.

/** What Pagefind's result.data() gives (the fields the search page reads). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** What a list of results shows, one page at a time. */
export interface ResultSource {
  count: number;
  next(n: number): Promise<PagefindResultData[]>;
}

/** Results in the order Pagefind gave them. */
export function orderedSource(results: PagefindResult[]): ResultSource {
  let at = 0;
  return {
    count: results.length,
    async next(n) {
      const slice = results.slice(at, at + n);
      at += slice.length;
      return Promise.all(slice.map((r) => r.data()));
    },
  };
}

/** The sort value of a result, as records.ts sorts it: the deadline date, else last. */
export function dueOf(d: PagefindResultData): string {
  const deadline = d.meta.deadline ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : '9999-12-31';
}

/**
 * Results of several shards, each already sorted by deadline, merged by deadline. Pagefind's own merge
 * orders by relevance whatever the sort, so a merged index cannot sort; each shard answers on its own
 * and the merge reads the deadline of only the results it is about to show (one fragment per shard
 * ahead). Ties keep shard order.
 */
export function mergedByDeadline(runs: PagefindResult[][]): ResultSource {
  const at = runs.map(() => 0);
  const heads: (PagefindResultData | null)[] = runs.map(() => null);
  let queue: Promise<unknown> = Promise.resolve();
  async function take(n: number): Promise<PagefindResultData[]> {
    const out: PagefindResultData[] = [];
    while (out.length < n) {
      await Promise.all(runs.map(async (run, i) => (heads[i] ??= at[i]! < run.length ? await run[at[i]!]!.data() : null)));
      let best = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (best < 0 || dueOf(heads[i]!) < dueOf(heads[best]!))) best = i;
      if (best < 0) break;
      out.push(heads[best]!);
      heads[best] = null;
      at[best]!++;
    }
    return out;
  }
  return {
    count: runs.reduce((sum, r) => sum + r.length, 0),
    // One page after another: two at once would take the same heads.
    next(n) {
      const page = queue.then(() => take(n));
      queue = page.catch(() => undefined);
      return page;
    },
  };
}
