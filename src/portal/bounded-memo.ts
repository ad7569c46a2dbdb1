// A pure function of one string, remembered: the same status note is read by its task's page, its
// document's and its region's pages, several feeds and the PDF reports, and parsing its Markdown each
// time was a fifth of the page build's CPU. Bounded, so a build of any size holds at most `limit`
// results; when full it starts again rather than keeping track of what was used last.

export function boundedMemo(fn: (input: string) => string, limit = 20_000): (input: string) => string {
  const results = new Map<string, string>();
  return (input) => {
    let out = results.get(input);
    if (out === undefined) {
      out = fn(input);
      if (results.size >= limit) results.clear();
      results.set(input, out);
    }
    return out;
  };
}
