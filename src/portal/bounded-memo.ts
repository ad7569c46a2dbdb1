// A pure function of one string, remembered: the same status note is read by its task's page, its
// document's and its region's pages, several feeds and the PDF reports, and parsing its Markdown each
// time was a fifth of the page build's CPU. Bounded by the characters it holds (inputs and results), not
// by their number: a note may be up to 20,000 characters, and a build of any size must stay within its
// memory bound. When full it starts again rather than keeping track of what was used last.

/** Characters a memo holds at most: about 8–16 MB of strings. */
export const MEMO_CHARS = 4_000_000;

export function boundedMemo(fn: (input: string) => string, limitChars = MEMO_CHARS): (input: string) => string {
  const results = new Map<string, string>();
  let held = 0;
  return (input) => {
    let out = results.get(input);
    if (out === undefined) {
      out = fn(input);
      const size = input.length + out.length;
      if (held + size > limitChars) {
        results.clear();
        held = 0;
      }
      results.set(input, out);
      held += size;
    }
    return out;
  };
}
