// Traditional characters → simplified, for plans published in Taiwan, Hong Kong or Macao style
// (or re-typed from such a source), and for the words of status files written so. The text parser,
// the unit registry and the status catalogue are written in simplified characters. OpenCC (opencc-js) converts, phrase by phrase; this module only decides
// whether a text is written in traditional characters at all, and in which regional standard.
// Simplified text comes back as the same string.
import { Converter, Locale } from 'opencc-js/t2cn';
import { big5Hanzi, gb2312Hanzi } from './charsets';

/** OpenCC's names: 't' OpenCC's traditional standard, 'tw' Taiwan, 'hk' Hong Kong. */
export type TraditionalStandard = 't' | 'tw' | 'hk';

export interface SimplifiedText {
  text: string;
  converted: boolean;
  /** The standard the text was read as, when it was converted. */
  from?: TraditionalStandard;
}

type Dict = string | string[][];

/** The source side of an OpenCC dictionary ("源 目|源 目…" or pairs). */
function sources(dicts: readonly (readonly Dict[])[]): Set<string> {
  const out = new Set<string>();
  for (const group of dicts) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((p) => p.split(' ')) : dict;
      for (const [from] of pairs) if (from && [...from].length === 1) out.add(from);
    }
  }
  return out;
}

interface Tables {
  /** Characters OpenCC turns into other characters that are not GB 2312 hanzi: 發 書 國 … */
  traditionalOnly: Set<string>;
  /** GB 2312 hanzi that Big5 lacks: 发 书 国 … */
  simplifiedOnly: Set<string>;
  twOnly: Set<string>;
  hkOnly: Set<string>;
  converters: Map<TraditionalStandard, (text: string) => string>;
}

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const gb = gb2312Hanzi();
  const big5 = big5Hanzi();
  const ts = sources(Locale.to.cn as unknown as Dict[][]);
  const traditionalOnly = new Set([...ts].filter((ch) => !gb.has(ch)));
  const simplifiedOnly = new Set([...gb].filter((ch) => !big5.has(ch)));
  const tw = sources(Locale.from.tw as unknown as Dict[][]);
  const hk = sources(Locale.from.hk as unknown as Dict[][]);
  const twOnly = new Set([...tw].filter((ch) => !hk.has(ch)));
  const hkOnly = new Set([...hk].filter((ch) => !tw.has(ch)));
  tables = { traditionalOnly, simplifiedOnly, twOnly, hkOnly, converters: new Map() };
  return tables;
}

function converter(from: TraditionalStandard): (text: string) => string {
  const t = load();
  let convert = t.converters.get(from);
  if (!convert) {
    convert = Converter({ from, to: 'cn' });
    t.converters.set(from, convert);
  }
  return convert;
}

export interface ScriptCounts {
  /** Occurrences of characters only traditional text uses. */
  traditional: number;
  /** Occurrences of characters only simplified text uses. */
  simplified: number;
  tw: number;
  hk: number;
}

export function countScript(text: string): ScriptCounts {
  const t = load();
  const counts: ScriptCounts = { traditional: 0, simplified: 0, tw: 0, hk: 0 };
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x2e80) continue;
    if (t.traditionalOnly.has(ch)) counts.traditional++;
    else if (t.simplifiedOnly.has(ch)) counts.simplified++;
    if (t.twOnly.has(ch)) counts.tw++;
    else if (t.hkOnly.has(ch)) counts.hk++;
  }
  return counts;
}

/**
 * Is the text written in traditional characters? Yes when it holds traditional-only characters
 * and (next to) no simplified-only ones: a simplified plan that quotes a traditional name stays
 * as it is.
 */
export function isTraditional(text: string): boolean {
  const c = countScript(text);
  return (c.traditional >= 1 && c.simplified === 0) || (c.traditional >= 3 && c.traditional >= 5 * c.simplified);
}

/** Traditional text → simplified, line by line (same number of lines); other text unchanged. */
export function toSimplified(text: string): SimplifiedText {
  const c = countScript(text);
  const traditional = (c.traditional >= 1 && c.simplified === 0) || (c.traditional >= 3 && c.traditional >= 5 * c.simplified);
  if (!traditional) return { text, converted: false };
  const from: TraditionalStandard = c.hk > c.tw ? 'hk' : c.tw > 0 ? 'tw' : 't';
  const convert = converter(from);
  const converted = text
    .split('\n')
    .map((line) => (line === '' ? line : convert(line)))
    .join('\n');
  return { text: converted, converted: true, from };
}

/**
 * A word the portal knows in simplified characters (a status word, a column name), as someone may have
 * typed it in traditional ones: 尚未啟動 → 尚未启动. Converted whatever the script; a simplified word
 * comes back unchanged.
 */
export function simplifiedWord(word: string): string {
  return converter('t')(word);
}
