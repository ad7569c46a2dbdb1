// The template sets `fallback: false` so output never depends on the build machine's fonts; the price is
// that a character Noto Sans SC lacks (a rare 生僻字 in a place name, an emoji in a progress text) prints
// as an empty box. Typst does not warn about it, so the build does: it names the characters and the report.
import { parseFontMetrics, type FontMetrics } from '../../build/font-metrics';
import { fontBuffers } from '../../build/fonts';

let metrics: FontMetrics[] | null = null;

// Per code point: 0 not looked up yet, 1 drawable or ignored, 2 missing. Every report's whole source is
// scanned (165 MB at 10,000 tasks); a Set of its characters and a font lookup for each cost 10 s of the
// main thread's CPU there, taken from the render processes. A table lookup per UTF-16 unit costs ~0.3 s.
const UNKNOWN = 0;
const DRAWN = 1;
const MISSING = 2;
const verdicts = new WeakMap<FontMetrics[], Uint8Array>();

function verdict(cp: number, fonts: FontMetrics[]): number {
  // Controls, whitespace and variation selectors draw nothing.
  if (cp < 0x20 || /\s/.test(String.fromCodePoint(cp)) || (cp >= 0xfe00 && cp <= 0xfe0f)) return DRAWN;
  return fonts.every((f) => f.advance(cp) === null) ? MISSING : DRAWN;
}

/** Characters of `text` that neither weight of the embedded font can draw (whitespace and controls ignored), in order of first use. */
export function missingGlyphs(
  text: string,
  fonts: FontMetrics[] = (metrics ??= Object.values(fontBuffers()).map((b) => parseFontMetrics(b))),
): string[] {
  let table = verdicts.get(fonts);
  if (!table) verdicts.set(fonts, (table = new Uint8Array(0x110000)));
  let out: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // A surrogate pair is one character; a lone surrogate stays one code unit, as string iteration gives it.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    let v = table[cp];
    if (v === UNKNOWN) table[cp] = v = verdict(cp, fonts);
    if (v === MISSING) {
      const ch = String.fromCodePoint(cp);
      out ??= [];
      if (!out.includes(ch)) out.push(ch);
    }
  }
  return out ?? [];
}
