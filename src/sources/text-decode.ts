// Bytes → text for plain-text sources. Chinese government sites publish UTF-8, GB18030 (GBK,
// GB2312), Big5 (Taiwan, Hong Kong, Macao) and, from Windows tools, UTF-16. GB18030 accepts
// almost any byte sequence, so a Big5 file always "decodes" as GB18030 into nonsense: each
// candidate is judged by how plausible its text is as Chinese, and the file is refused when
// none is. Binaries and empty files are refused too, never parsed.
import { big5CommonHanzi, CHINESE_PUNCTUATION, gb2312Hanzi } from './charsets';
import { withoutControlCharacters } from '../domain/control-characters';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const EXPECTED = 'text in UTF-8, UTF-16 with a byte-order mark, GB18030 (GBK, GB2312) or Big5';

/** A file that is not text in an encoding we read; `problem` and `expected` are also in the message. */
export class DecodeError extends Error {
  readonly problem: string;
  readonly expected: string;
  constructor(problem: string, expected = EXPECTED) {
    super(`${problem}; expected ${expected}`);
    this.name = 'DecodeError';
    this.problem = problem;
    this.expected = expected;
  }
}

/** Share of control characters above which a file is treated as binary. */
const BINARY_CONTROL_SHARE = 0.01;
/** Least plausibility (see `chinesePlausibility`) for a GB18030 or Big5 reading. */
const MIN_PLAUSIBILITY = 0.75;
/** Below this many non-ASCII characters the plausibility says too little to refuse a file. */
const MIN_JUDGED_CHARS = 20;

/** Lead byte 0x81–0xFE, trail 0x40–0x7E or 0xA1–0xFE. ICU's Big5 decoder drops a stray 0x80 or 0xFF even when fatal. */
function isBig5Structure(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    if (b === 0x80 || b === 0xff || t === undefined || !((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))) return false;
    i++;
  }
  return true;
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  if (encoding === 'big5' && !isBig5Structure(bytes)) return null;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, line feed, carriage return and form feed; C1 controls; U+FFFD. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfffd;
}

function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) n++;
  return n;
}

/** Private use, CJK extensions beyond the BMP's unified block, compatibility ideographs, kana and other scripts a garbled reading lands in. */
function isImplausible(c: number): boolean {
  return (
    (c >= 0xe000 && c <= 0xf8ff) || // private use (GB18030 user-defined areas)
    c >= 0xf0000 || // supplementary private use
    (c >= 0x3400 && c <= 0x4dbf) || // CJK Extension A
    (c >= 0x20000 && c <= 0x3134f) || // CJK Extensions B–G
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x0370 && c <= 0x052f) || // Greek, Cyrillic
    (c >= 0x2500 && c <= 0x257f) || // box drawing
    (c >= 0x3100 && c <= 0x312f) || // bopomofo
    (c >= 0xfe30 && c <= 0xfe4f) || // vertical forms
    isControl(c)
  );
}

/**
 * How plausible a text is as Chinese: the share of its non-ASCII, non-space characters that are
 * common simplified or traditional hanzi or Chinese punctuation, less twice the share of
 * characters no Chinese document would hold (private use, rare extensions, kana, controls).
 * 1 for clean text, about 0.3–0.6 for GB18030 read as Big5 or the reverse.
 */
export function chinesePlausibility(text: string): { score: number; judged: number; common: number } {
  const gb = gb2312Hanzi();
  const big5 = big5CommonHanzi();
  let judged = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || /\s/.test(ch)) continue;
    judged++;
    if (gb.has(ch) || big5.has(ch) || CHINESE_PUNCTUATION.has(ch)) common++;
    else if (isImplausible(c)) bad++;
  }
  if (judged === 0) return { score: 1, judged, common };
  return { score: (common - 2 * bad) / judged, judged, common };
}

function finish(text: string, encoding: TextEncoding): DecodedText {
  text = text.replace(/^\ufeff/, '');
  const controls = controlCount(text);
  if (controls > Math.max(2, text.length * BINARY_CONTROL_SHARE)) {
    throw new DecodeError(`the file is binary, not text (${controls} control characters when read as ${encoding.toUpperCase()})`);
  }
  if (text.trim() === '') throw new DecodeError('the file holds only white space');
  return { text: withoutControlCharacters(text.replace(/\r\n?/g, '\n')), encoding };
}

/**
 * UTF-16 without a byte-order mark: most NUL bytes (the high bytes of ASCII characters; 一 U+4E00
 * gives one on the other side) sit at odd offsets (little-endian) or at even ones (big-endian),
 * and the text read that way is Chinese.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (bytes.length % 2 !== 0 || Math.min(even, odd) > 0.2 * Math.max(even, odd)) return false;
  const text = strict(odd > even ? 'utf-16le' : 'utf-16be', bytes);
  return (
    text !== null &&
    controlCount(text) <= Math.max(2, text.length * BINARY_CONTROL_SHARE) &&
    chinesePlausibility(text).score >= MIN_PLAUSIBILITY
  );
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError('the file is empty');

  // UTF-16 by its byte-order mark.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(encoding, bytes);
    if (text === null)
      throw new DecodeError(`the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
    return finish(text, encoding);
  }

  if (bytes.includes(0)) {
    throw new DecodeError(
      looksLikeUtf16WithoutBom(bytes)
        ? 'the file holds NUL bytes, as UTF-16 without a byte-order mark does (save it as UTF-8, or as UTF-16 with a byte-order mark)'
        : 'the file is binary (it contains NUL bytes), not text',
    );
  }

  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');

  // GB18030 and Big5, both read strictly, judged by how Chinese the result reads.
  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => {
      const text = strict(encoding, bytes);
      return text === null ? null : { encoding, text, ...chinesePlausibility(text) };
    })
    .filter((c): c is NonNullable<typeof c> => c !== null);
  if (candidates.length === 0) throw new DecodeError('the file is not valid UTF-8, GB18030 or Big5 text');
  // The better reading; GB18030 on a tie (it is the far more common one).
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  // A short text is refused only when none of its characters is a common Chinese one.
  if (best.score < MIN_PLAUSIBILITY && (best.judged >= MIN_JUDGED_CHARS || best.common === 0)) {
    const tried = candidates.map((c) => `${c.encoding.toUpperCase()} ${Math.round(Math.max(0, c.score) * 100)}%`).join(', ');
    throw new DecodeError(
      `the file does not read as Chinese text in any encoding tried (common characters: ${tried}); it may be binary or in another encoding`,
    );
  }
  return finish(best.text, best.encoding);
}
