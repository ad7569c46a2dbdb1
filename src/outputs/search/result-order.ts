// Search results shown a page at a time, in the order given (Pagefind's, or by deadline: see
// deadline-order.ts). Apart from client.ts so that it can be tested without a browser.

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
