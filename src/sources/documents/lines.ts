// Line classification: every source line is blank, chrome, a header field, a label line
// ("牵头单位：…"), a numbered item (一、 （一） 1. （1） ①), or a paragraph.
import { isChromeLine, isFooterStart } from './chrome';
import { isDateLine } from './calendar';
import { parseHeaderLine, isTimestampLine, type HeaderField } from './header';
import { canonical, chineseNumeral, trimAll } from './normalize';
import { UNIT_LABELS } from './units';

export type LineKind = 'blank' | 'chrome' | 'meta' | 'title' | 'label' | 'item' | 'para';

export interface ItemInfo {
  /** 1 = 一、 2 = （一） 3 = 1. 4 = （1） 5 = ① */
  style: number;
  /** The numeral as written, without punctuation: "十四", "12". */
  number: string;
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

/** Rectification fields and deadline labels, besides the unit labels. */
export const FIELD_LABELS = [
  '原因分析',
  '整改目标',
  '整改时限',
  '完成时限',
  '完成时间',
  '时间节点',
  '整改措施',
  '工作目标',
  '主要目标',
] as const;

const LABEL_RE = new RegExp(`^(${[...Object.keys(UNIT_LABELS), ...FIELD_LABELS].join('|')})\\s*：\\s*`);

const ITEM_PATTERNS: Array<{ style: number; re: RegExp; arabic: boolean }> = [
  { style: 1, re: /^([一二三四五六七八九十百零〇]+)\s*[、.]\s*/, arabic: false },
  { style: 2, re: /^（\s*([一二三四五六七八九十百零〇]+)\s*）\s*/, arabic: false },
  { style: 3, re: /^(\d{1,3})\s*[.、](?!\d)\s*/, arabic: true },
  { style: 4, re: /^（\s*(\d{1,3})\s*）\s*/, arabic: true },
  { style: 5, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/, arabic: true },
];

/** A sentence end, or a body too long to be a heading. */
const HEADING_MAX = 50;

export function parseItem(text: string, canon: string): ItemInfo | null {
  for (const { style, re, arabic } of ITEM_PATTERNS) {
    const m = re.exec(canon);
    if (!m) continue;
    const number = m[1];
    const value = style === 5 ? number.codePointAt(0)! - 0x2460 + 1 : arabic ? Number(number) : chineseNumeral(number);
    if (!Number.isFinite(value)) continue;
    const body = trimAll(text.slice(m[0].length));
    const bodyCanon = trimAll(canon.slice(m[0].length));
    if (body === '') return null;
    const content = /[。！？]/.test(bodyCanon) || bodyCanon.length > HEADING_MAX;
    return { style, number, value, body, bodyCanon, content };
  }
  return null;
}

export function classifyLines(source: string): Line[] {
  const lines: Line[] = source.split('\n').map((raw, i) => {
    const text = trimAll(raw);
    return { n: i + 1, raw, text, canon: canonical(text), kind: 'para' as LineKind };
  });
  let inFooter = false;
  for (const line of lines) {
    if (line.text === '') {
      line.kind = 'blank';
      continue;
    }
    if (inFooter) {
      line.kind = 'chrome';
      continue;
    }
    const label = LABEL_RE.exec(line.canon);
    if (label) {
      line.kind = 'label';
      line.label = {
        key: label[1],
        value: trimAll(line.text.slice(label[0].length)),
        valueCanon: trimAll(line.canon.slice(label[0].length)),
      };
      continue;
    }
    const header = parseHeaderLine(line.canon);
    if (header.length > 0 || isTimestampLine(line.canon)) {
      line.kind = 'meta';
      line.header = header;
      continue;
    }
    if (isChromeLine(line.canon)) {
      line.kind = 'chrome';
      if (isFooterStart(line.canon)) inFooter = true;
      continue;
    }
    const item = parseItem(line.text, line.canon);
    if (item) {
      line.kind = 'item';
      line.item = item;
    }
  }
  markTitles(lines);
  return lines;
}

const TITLE_END = /(方案|意见|要点|规划|纲要|通知|办法|计划|决定|细则|规定|清单|意见稿|条例|规则)\s*[》>]?\s*(（?征求意见稿）?|征求意见)?$/;

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
      if (TITLE_END.test(joined) || /关于印发.+的通知/.test(joined)) {
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
