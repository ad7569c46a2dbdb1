// Scraped plans mix full-width and half-width punctuation and stray spaces. Parsing runs on a
// canonical copy of each line; the copy has the same length as the original, character for
// character, so positions found in it cut the original text exactly.

const CANONICAL: Record<string, string> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ',': '，',
  ';': '；',
  '?': '？',
  '!': '！',
  '\u00a0': ' ', // no-break space
  '\u3000': ' ', // ideographic space
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200b': ' ', // zero-width space: keep length, drop meaning
  '\ufeff': ' ',
  '〈': '<',
  '〉': '>',
  '＜': '<',
  '＞': '>',
  '．': '.',
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
  '％': '%',
  '\t': ' ',
};

/** Every character CANONICAL maps, as one class: a regular-expression pass, not a string built up char by char. */
const CANONICAL_CHARS = new RegExp(
  `[${Object.keys(CANONICAL)
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'g',
);

/** Same-length canonical form: full-width （）：，；, ASCII digits and dots, plain spaces. */
export function canonical(text: string): string {
  // Every key and value is one UTF-16 unit, so indexes in the copy line up with the original.
  return text.replace(CANONICAL_CHARS, (ch) => CANONICAL[ch]!);
}

/** Trim including no-break and ideographic spaces. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g, '');
}

/** Collapse inner runs of white space (used for names, titles and comparisons). */
export function squeeze(text: string): string {
  return trimAll(text).replace(/[\s\u00a0\u3000\u200b]+/g, ' ');
}

/** Remove all white space: unit names never contain meaningful spaces. */
export function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四 → 14, 二十三 → 23, 一百零五 → 105. Returns NaN for anything else. */
export function chineseNumeral(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = CN_DIGITS[ch];
    }
  }
  return total + current;
}
