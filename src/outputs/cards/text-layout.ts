// Pure text measurement, wrapping and clamping for the cards. Lines are decided here and handed to
// satori one per element (white-space: nowrap), so what the tests check is exactly what is drawn.
import type { FontMetrics } from '../../build/font-metrics.ts';

/** Width in px of `text` at `fontSize`. */
export type Measure = (text: string, fontSize: number) => number;

/** A measure from real font metrics; a glyph the font lacks counts as 1em (it would draw as a box). */
export function measureWith(metrics: FontMetrics): Measure {
  return (text, fontSize) => {
    let units = 0;
    for (const ch of text) units += metrics.advance(ch.codePointAt(0)!) ?? metrics.unitsPerEm;
    return (units / metrics.unitsPerEm) * fontSize;
  };
}

/** Characters of `text` the font cannot draw (control characters aside). */
export function missingGlyphs(text: string, metrics: FontMetrics): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (metrics.advance(cp) === null) out.add(ch);
  }
  return [...out];
}

// 禁则 (line-breaking rules): closing punctuation never starts a line, opening never ends one.
// Scraped government pages mix full- and half-width punctuation, so both are listed.
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—～·,.;:?!)]}%‰']);
const NO_END = new Set([...'（《「『【〔〈“‘([{']);
// Latin letters and digits (38.5%, PM2.5, 2019) stay together on one line.
const WORD = /^[A-Za-z0-9._%‰'+\-]$/u;

/** Break opportunities: CJK characters one by one, Latin runs whole, punctuation glued to its neighbour. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let glueNext = false;
  for (const ch of text.replace(/\s+/gu, ' ')) {
    const last = tokens.length - 1;
    const prev = last >= 0 ? tokens[last] : '';
    const prevCh = prev ? [...prev].pop()! : '';
    if (last >= 0 && (glueNext || NO_START.has(ch) || (WORD.test(ch) && WORD.test(prevCh) && prevCh !== ' '))) {
      tokens[last] = prev + ch;
    } else {
      tokens.push(ch);
    }
    glueNext = NO_END.has(ch);
  }
  return tokens;
}

export interface WrapOptions {
  fontSize: number;
  maxWidth: number;
  maxLines: number;
  measure: Measure;
}

export interface Wrapped {
  lines: string[];
  truncated: boolean;
}

const ELLIPSIS = '…';

/** `text` cut back until it fits `maxWidth` with a trailing … (always adds the ellipsis). */
function clampWithEllipsis(text: string, fontSize: number, maxWidth: number, measure: Measure): string {
  const chars = [...text.trim()];
  for (;;) {
    // No dangling comma, space or opening bracket before the ellipsis.
    while (chars.length > 0 && (NO_END.has(chars[chars.length - 1]) || /[\s，、,；;：:]/u.test(chars[chars.length - 1]))) chars.pop();
    const candidate = chars.join('') + ELLIPSIS;
    if (chars.length === 0 || measure(candidate, fontSize) <= maxWidth) return candidate;
    chars.pop();
  }
}

/** `text` on one line: whole if it fits `maxWidth`, else shortened with a trailing …. */
export function ellipsize(text: string, fontSize: number, maxWidth: number, measure: Measure): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (measure(clean, fontSize) <= maxWidth) return clean;
  return clampWithEllipsis(clean, fontSize, maxWidth, measure);
}

/** Greedy line breaking by measured width, clamped to `maxLines` with an ellipsis. */
export function wrapText(text: string, { fontSize, maxWidth, maxLines, measure }: WrapOptions): Wrapped {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    const trimmed = line.trim();
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  for (const token of tokenize(text.trim())) {
    if (line === '' && token === ' ') continue;
    if (measure(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim() !== '') push();
    if (token === ' ') continue;
    if (measure(token, fontSize) <= maxWidth) {
      line = token;
      continue;
    }
    // A single token wider than the line (a long URL or number run): break it by character.
    for (const ch of token) {
      if (line !== '' && measure(line + ch, fontSize) > maxWidth) push();
      line += ch;
    }
  }
  push();
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  // The last kept line carries the start of the rest so the ellipsis sits where the text continues.
  kept[maxLines - 1] = clampWithEllipsis(kept[maxLines - 1] + lines[maxLines], fontSize, maxWidth, measure);
  return { lines: kept, truncated: true };
}

export interface FitOptions {
  /** Font sizes to try, largest first. */
  sizes: number[];
  maxWidth: number;
  /** Height of the box the lines must fit in. */
  maxHeight: number;
  lineHeight: number;
  measure: Measure;
}

export interface Fitted extends Wrapped {
  fontSize: number;
}

/** The largest size at which `text` fits the box whole; failing that, the smallest size, clamped. */
export function fitText(text: string, { sizes, maxWidth, maxHeight, lineHeight, measure }: FitOptions): Fitted {
  let last: Fitted | null = null;
  for (const fontSize of sizes) {
    const maxLines = Math.max(1, Math.floor(maxHeight / (fontSize * lineHeight)));
    const wrapped = wrapText(text, { fontSize, maxWidth, maxLines, measure });
    last = { ...wrapped, fontSize };
    if (!wrapped.truncated) return last;
  }
  if (!last) throw new Error('fitText: no font sizes given');
  return last;
}

/**
 * A list on one line: every item if they fit, else as many as fit followed by 等N项 (N = all items),
 * else the first item shortened (a 《title》 inside its brackets). Cutting between items reads better
 * than cutting inside one.
 */
export function fitList(items: readonly string[], separator: string, fontSize: number, maxWidth: number, measure: Measure): string {
  const all = items.join(separator);
  if (measure(all, fontSize) <= maxWidth) return all;
  const more = ` 等${items.length}项`;
  for (let k = items.length - 1; k >= 1; k--) {
    const candidate = items.slice(0, k).join(separator) + more;
    if (measure(candidate, fontSize) <= maxWidth) return candidate;
  }
  const room = maxWidth - (items.length > 1 ? measure(more, fontSize) : 0);
  return ellipsizeItem(items[0], fontSize, room, measure) + (items.length > 1 ? more : '');
}

/** One list item on one line; a title in 《》 is shortened inside its brackets: 《阿里地区贯彻…》. */
function ellipsizeItem(item: string, fontSize: number, maxWidth: number, measure: Measure): string {
  const quoted = /^《(.+)》$/su.exec(item.replace(/\s+/gu, ' ').trim());
  if (!quoted || measure(item, fontSize) <= maxWidth) return ellipsize(item, fontSize, maxWidth, measure);
  // Whole words and numbers only (2014-2030 is not cut to 2014-203…), unless not even the first fits.
  const room = maxWidth - measure('《…》', fontSize);
  const tokens = tokenize(quoted[1]);
  let kept = '';
  for (const token of tokens) {
    if (measure(kept + token, fontSize) > room) break;
    kept += token;
  }
  kept = kept.replace(/[\s，、,；;：:（《「『【〔〈(\[]+$/u, '');
  return kept ? `《${kept}…》` : `《${ellipsize(quoted[1], fontSize, maxWidth - measure('《》', fontSize), measure)}》`;
}
