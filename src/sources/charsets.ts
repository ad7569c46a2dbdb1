// Character sets that say whether decoded text reads as Chinese, taken from the standards'
// own tables through the platform's decoders (no data file): GB 2312's 6,763 hanzi are the
// common simplified characters, Big5's 5,401 常用字 (A440–C67E) the common traditional ones and
// its 7,652 次常用字 (C940–F9D5) the less common ones.

function decodeRange(encoding: string, leads: [number, number], trails: Array<[number, number]>): Set<string> {
  const decoder = new TextDecoder(encoding);
  const set = new Set<string>();
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length >= 1 && ch !== '\ufffd' && !/[\u0000-\u007f]/.test(ch)) set.add(ch);
      }
    }
  }
  return set;
}

let cache: { gb2312: Set<string>; big5Common: Set<string>; big5All: Set<string> } | null = null;

function sets() {
  if (cache) return cache;
  const gb2312 = decodeRange('gb18030', [0xb0, 0xf7], [[0xa1, 0xfe]]);
  const big5Trails: Array<[number, number]> = [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ];
  const big5Common = new Set([...decodeRange('big5', [0xa4, 0xc5], big5Trails), ...decodeRange('big5', [0xc6, 0xc6], [[0x40, 0x7e]])]);
  const big5All = new Set([...big5Common, ...decodeRange('big5', [0xc9, 0xf9], big5Trails)]);
  for (const ch of big5All) if (!/\p{Script=Han}/u.test(ch)) big5All.delete(ch);
  cache = { gb2312, big5Common, big5All };
  return cache;
}

/** GB 2312's hanzi: the characters a simplified-Chinese text is written in. */
export function gb2312Hanzi(): Set<string> {
  return sets().gb2312;
}

/** Big5's 常用字. */
export function big5CommonHanzi(): Set<string> {
  return sets().big5Common;
}

/** Big5's 常用字 and 次常用字 (no vendor extensions). */
export function big5Hanzi(): Set<string> {
  return sets().big5All;
}

/** Punctuation, symbols and full-width forms that Chinese documents use. */
export const CHINESE_PUNCTUATION = new Set(
  [
    ...'，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』〖〗—…·．－～％‰℃±×÷≤≥→■□●○◆◇★☆▲△※§№ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩\u3000\u00a0\ufeff',
  ].concat(Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i))),
);
