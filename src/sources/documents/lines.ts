// Line classification: every source line is blank, chrome, a header field, a label line
// ("牵头单位：…"), a numbered item (一、 （一） 1. （1） 1） ① 第一条 一是), or a paragraph.
import { isDateLine } from './calendar';
import { isChromeLine, isFooterStart, maskPageMarkers } from './chrome';
import { isTimestampLine, parseHeaderLine, type HeaderField } from './header';
import { canonical, chineseNumeral, trimAll } from './normalize';
import { UNIT_LABELS } from './unit-names';

export type LineKind = 'blank' | 'chrome' | 'meta' | 'title' | 'label' | 'item' | 'para';

/** The numbering styles plans use. Which nests in which is learned from each document (outline.ts). */
export const ITEM_STYLES = {
  /** 一、 */ chinese: 1,
  /** （一） */ chineseParen: 2,
  /** 1. 1、 */ arabic: 3,
  /** （1） */ arabicParen: 4,
  /** ① */ circled: 5,
  /** 1） */ arabicHalfParen: 6,
  /** 第一条 */ article: 7,
  /** 一是 */ enumeration: 8,
} as const;

export interface ItemInfo {
  style: number;
  /** The numeral as written, without punctuation: "十四", "12". */
  number: string;
  /** The number as the text writes it, punctuation included: "（十四）", "12.", "第三条". */
  marker: string;
  value: number;
  body: string;
  bodyCanon: string;
  /** A content item carries a sentence; otherwise it is a heading. */
  content: boolean;
}

export interface LabelInfo {
  key: string;
  value: string;
  valueCanon: string;
}

export interface Line {
  /** 1-based. */
  n: number;
  raw: string;
  text: string;
  canon: string;
  kind: LineKind;
  header?: HeaderField[];
  label?: LabelInfo;
  item?: ItemInfo;
}

/** Labels of rectification fields and deadlines. */
export const FIELD_LABELS = ['原因分析', '整改目标', '整改时限', '整改措施', '工作目标', '主要目标'] as const;
/** Labels whose value is a deadline. */
export const DEADLINE_LABELS = ['完成时限', '完成时间', '完成期限', '时间节点', '执行期限', '实施期限', '办理时限'] as const;
/** Labels of flattened policy tables that carry no unit and no deadline, but belong to the item above them. */
export const NOTE_LABELS = ['政策依据', '咨询电话', '联系电话', '备注'] as const;

const LABEL_KEYS = [...Object.keys(UNIT_LABELS), ...FIELD_LABELS, ...DEADLINE_LABELS, ...NOTE_LABELS].join('|');
const LABEL_RE = new RegExp(`^(${LABEL_KEYS})\\s*：\\s*`);
/** A further label on the same line: "责任单位：地区财政局；完成时限：长期", also after a space or comma. */
const NEXT_LABEL_RE = new RegExp(`[；，、\\s]+(?=(?:${LABEL_KEYS})\\s*：)`, 'g');

const CN = '[一二三四五六七八九十百零〇两]+';
const ITEM_PATTERNS: Array<{ style: number; re: RegExp; numeral: 'chinese' | 'arabic' | 'circled' | 'any' }> = [
  { style: ITEM_STYLES.article, re: new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*条\\s*`), numeral: 'any' },
  { style: ITEM_STYLES.enumeration, re: new RegExp(`^(${CN})是[，：、\\s]?\\s*`), numeral: 'chinese' },
  { style: ITEM_STYLES.chinese, re: new RegExp(`^(${CN})\\s*[、.．]\\s*`), numeral: 'chinese' },
  { style: ITEM_STYLES.chineseParen, re: new RegExp(`^（\\s*(${CN})\\s*）\\s*`), numeral: 'chinese' },
  // 1. but not 1.5亿 (a decimal); 1.2019年底前… is an item whose text opens with a year.
  { style: ITEM_STYLES.arabic, re: /^(\d{1,3})\s*(?:、|[.．](?!\d)|[.．](?=\d{4}\s*年))\s*/, numeral: 'arabic' },
  { style: ITEM_STYLES.arabicParen, re: /^（\s*(\d{1,3})\s*）\s*/, numeral: 'arabic' },
  { style: ITEM_STYLES.arabicHalfParen, re: /^(\d{1,3})\s*）\s*/, numeral: 'arabic' },
  { style: ITEM_STYLES.circled, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/, numeral: 'circled' },
];

/** A sentence end, or a body too long to be a heading. */
const HEADING_MAX = 50;

function numeralValue(numeral: string, kind: (typeof ITEM_PATTERNS)[number]['numeral']): number {
  if (kind === 'circled') return numeral.codePointAt(0)! - 0x2460 + 1;
  if (/^\d+$/.test(numeral)) return Number(numeral);
  return chineseNumeral(numeral.replace(/两/g, '二'));
}

export function parseItem(text: string, canon: string): ItemInfo | null {
  for (const { style, re, numeral } of ITEM_PATTERNS) {
    const m = re.exec(canon);
    if (!m) continue;
    const number = m[1];
    const value = numeralValue(number, numeral);
    if (!Number.isFinite(value)) continue;
    const body = trimAll(text.slice(m[0].length));
    const bodyCanon = trimAll(canon.slice(m[0].length));
    if (body === '') {
      // "一" alone on a line (a PDF broke "一、" from its heading) is no item; a bare "第一条" is a heading.
      if (style !== ITEM_STYLES.article) return null;
    }
    const content = /[。！？]/.test(bodyCanon) || bodyCanon.length > HEADING_MAX;
    return { style, number, marker: trimAll(text.slice(0, m[0].length)).replace(/\s+/g, ''), value, body, bodyCanon, content };
  }
  return null;
}

/** A label line's key and value: "牵头单位：市发改委" → 牵头单位, 市发改委; the value ends where another label starts. */
export function parseLabel(text: string, canon: string): LabelInfo | null {
  const m = LABEL_RE.exec(canon);
  if (!m) return null;
  const end = labelStarts(canon)[1] ?? canon.length;
  const value = (s: string) => trimAll(s.slice(m[0].length, end)).replace(/[；;，,、]+$/, '');
  return { key: m[1], value: value(text), valueCanon: value(canon) };
}

/** Labels that may follow the text of an item on its own line: "1.推进项目建设。责任单位：市发改委". */
const INLINE_LABEL_RE = new RegExp(
  `(?<=[。；！？\\s])\\s*(?=(?:${[...Object.keys(UNIT_LABELS).filter((k) => k.length > 2), ...DEADLINE_LABELS].join('|')})\\s*：)`,
  'g',
);

/** Where labels start after the text of an item or paragraph line (outside brackets: those are tags), or -1. */
export function inlineLabelStart(canon: string): number {
  for (const m of canon.matchAll(INLINE_LABEL_RE)) {
    const before = canon.slice(0, m.index);
    const open = (before.match(/[（〔【［]/g) ?? []).length - (before.match(/[）〕】］]/g) ?? []).length;
    if (m.index > 0 && open <= 0) return m.index;
  }
  return -1;
}

/** Where each label of a label line starts (0 first): a table row flattened into one line holds several. */
export function labelStarts(canon: string): number[] {
  if (!LABEL_RE.test(canon)) return [];
  return [0, ...[...canon.matchAll(NEXT_LABEL_RE)].map((m) => m.index! + m[0].length)];
}

/** Sets a line's kind from its text: label, header, chrome, item or paragraph. */
export function classify(line: Line): void {
  Object.assign(line, { kind: 'para', label: undefined, item: undefined, header: undefined }, kindOf(line));
}

/** The first reading that fits, in order: blank, label, header field, chrome, numbered item. */
function kindOf(line: Line): Partial<Line> {
  if (line.text === '') return { kind: 'blank' };
  const label = parseLabel(line.text, line.canon);
  if (label) return { kind: 'label', label };
  const header = parseHeaderLine(line.canon);
  if (header.length > 0 || isTimestampLine(line.canon)) return { kind: 'meta', header };
  if (isChromeLine(line.canon)) return { kind: 'chrome' };
  const item = parseItem(line.text, line.canon);
  return item ? { kind: 'item', item } : {};
}

export function classifyLines(source: string): Line[] {
  const lines: Line[] = source.split('\n').map((raw, i) => {
    const text = trimAll(raw);
    return { n: i + 1, raw, text, canon: canonical(text), kind: 'para' as LineKind };
  });
  let inFooter = false;
  for (const line of lines) {
    if (inFooter && line.text !== '') {
      line.kind = 'chrome';
      continue;
    }
    classify(line);
    if (line.kind === 'chrome' && isFooterStart(line.canon)) inFooter = true;
    // Page numbers glued into a line are blanked for parsing (same length: the text keeps them).
    if (line.kind !== 'chrome') line.canon = maskPageMarkers(line.canon);
  }
  markTitles(lines);
  return lines;
}

const TITLE_END =
  /(方案|意见|要点|规划|纲要|通知|办法|计划|决定|细则|规定|清单|意见稿|条例|规则|措施|举措|政策|若干条|十条|条措施|分解|分工|台账|任务)\s*[》>]?\s*(（?征求意见稿）?|征求意见)?$/;

/** A line that could be (part of) a title: short, no sentence or list punctuation, not a date. */
function titleish(line: Line): boolean {
  return (
    line.kind === 'para' &&
    line.canon.length <= 80 &&
    !/[，。；：！？]/.test(line.canon) &&
    !isDateLine(line.canon) &&
    !/^\d{4}\s*年?\s*\d{1,2}\s*月/.test(line.canon)
  );
}

/** Title groups: up to three consecutive short lines before the first item that end like a title. */
function markTitles(lines: Line[]): void {
  const firstItem = lines.findIndex((l) => l.kind === 'item');
  const end = firstItem < 0 ? lines.length : firstItem;
  let i = 0;
  while (i < end) {
    if (!titleish(lines[i])) {
      i++;
      continue;
    }
    const group: Line[] = [];
    let j = i;
    while (j < end && group.length < 3) {
      if (lines[j].kind === 'blank') {
        j++;
        continue;
      }
      if (!titleish(lines[j])) break;
      group.push(lines[j]);
      j++;
    }
    // Take the longest prefix of the group that reads as a title.
    let taken = 0;
    for (let k = group.length; k >= 1; k--) {
      const joined = group
        .slice(0, k)
        .map((l) => l.canon.replace(/\s+/g, ''))
        .join('');
      if (TITLE_END.test(joined) || /关于.+的(通知|意见|决定)$/.test(joined)) {
        taken = k;
        break;
      }
    }
    if (taken > 0) {
      for (const l of group.slice(0, taken)) l.kind = 'title';
      i = group[taken - 1].n; // index after the last taken line (n is 1-based)
    } else i++;
  }
}
