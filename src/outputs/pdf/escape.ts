// Text from documents and status reports goes into typst markup. Every character that typst markup
// gives a meaning (code, math, emphasis, labels, references, comments, shorthands such as -- and ...,
// list/heading/enum markers at a line start, smart quotes) is backslash-escaped, so a task that reads
// "#import" or "= 目标" or "1. 加强" prints exactly as written and can never run code.

/** Characters typst markup treats specially anywhere in a line. A backslash before any of them yields the character itself. */
const SPECIAL = /[\\#$*_`<>@[\]~/=\-+"'.:{}]/g;

/** C0/C1 control characters other than tab and newline: never meaningful in print, and typst rejects some. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

function escapeChars(s: string): string {
  return s.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * Escapes text for inline typst markup: runs of whitespace (newlines included) become one space, so no
 * escaped text ever starts a line of the generated source, and every special character is escaped.
 */
export function escapeTypst(text: string): string {
  return escapeChars(text.replace(CONTROL, '').replace(/\s+/g, ' ').trim());
}

/**
 * Escapes multi-line text for typst markup keeping its line structure: each source line becomes a forced
 * line break (`\` at the end of a line), blank lines become paragraph breaks. Leading spaces are dropped
 * so that no line of the result begins with anything but escaped text.
 */
export function escapeTypstLines(text: string): string {
  const paragraphs = text
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n\s*/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeChars(line.replace(/[ \t\u3000]+/g, ' ').trim()))
        .filter((line) => line !== '')
        .join(' \\\n'),
    )
    .filter((p) => p !== '');
  return paragraphs.join('\n\n');
}

/** A typst string literal ("…" in code mode): for URLs, metadata and anything passed to a function. */
export function typstString(text: string): string {
  const body = text
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `"${body}"`;
}
