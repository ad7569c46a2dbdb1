// The template sets `fallback: false` so output never depends on the build machine's fonts; the price is
// that a character Noto Sans SC lacks (a rare 生僻字 in a place name, an emoji in a progress text) prints
// as an empty box. Typst does not warn about it, so the build does: it names the characters and the report.
import { parseFontMetrics, type FontMetrics } from '../../build/font-metrics';
import { fontBuffers } from '../../build/fonts';

let metrics: FontMetrics[] | null = null;

/** Characters of `text` that neither weight of the embedded font can draw (whitespace and controls ignored). */
export function missingGlyphs(
  text: string,
  fonts: FontMetrics[] = (metrics ??= Object.values(fontBuffers()).map((b) => parseFontMetrics(b))),
): string[] {
  const out = new Set<string>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || /\s/.test(ch) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue; // variation selectors draw nothing
    if (fonts.every((f) => f.advance(cp) === null)) out.add(ch);
  }
  return [...out];
}
