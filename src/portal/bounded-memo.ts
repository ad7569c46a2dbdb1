// A pure function of one string, remembered: the same status note is read by its task's page, its
// document's and its region's pages, several feeds and the PDF reports, and parsing its Markdown each
// time was a fifth of the page build's CPU. Bounded by the characters it holds (inputs and results), not
// by their number: a note may be up to 20,000 characters, and a build of any size must stay within its
// memory bound. When full it starts again rather than keeping track of what was used last.

/** Characters a memo holds at most: about 8–16 MB of strings. */
export const MEMO_CHARS = 4_000_000;

/**
 * `fn`, remembered. `charsOf` says how many characters an entry holds, input and result: by default
 * the two strings' lengths; give it for results that are not strings.
 */
export function boundedMemo<T = string>(
  fn: (input: string) => T,
  limitChars = MEMO_CHARS,
  charsOf: (input: string, out: T) => number = (input, out) => input.length + String(out).length,
): (input: string) => T {
  const results = new Map<string, T>();
  let held = 0;
  return (input) => {
    let out = results.get(input);
    if (out === undefined) {
      out = fn(input);
      const size = charsOf(input, out);
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
