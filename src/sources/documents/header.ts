// Header fields that publishing sites print above a document ("索引号: … 发文字号: …"),
// possibly several on one line, possibly with empty values.
import { compact, trimAll } from './normalize';

export type HeaderKey = 'indexNumber' | 'docNumber' | 'issuer' | 'name' | 'category' | 'writtenOn' | 'publishedOn' | 'source' | 'other';

const KEYS: Array<[RegExp, HeaderKey]> = [
  [/索\s*引\s*号/, 'indexNumber'],
  [/发\s*文\s*字\s*号|文\s*号/, 'docNumber'],
  [/发\s*文\s*(机\s*关|机\s*构|单\s*位)/, 'issuer'],
  [/名\s*称|标\s*题/, 'name'],
  [/公文种类|主题分类|分\s*类/, 'category'],
  [/成\s*文\s*日\s*期/, 'writtenOn'],
  [/发\s*布\s*(日\s*期|时\s*间)|日\s*期|时\s*间/, 'publishedOn'],
  [/来\s*源/, 'source'],
  [/热\s*度|信息员|签发领导|浏\s*览/, 'other'],
];

const KEY_SOURCE = KEYS.map(([re]) => re.source).join('|');
/** A header key followed by a colon; the key may stand after a list dash. */
const KEY_RE = new RegExp(`(?:^|\\s|-\\s*)(${KEY_SOURCE})\\s*：`, 'g');

export interface HeaderField {
  key: HeaderKey;
  label: string;
  value: string;
}

/** A 发文字号: 国办发〔2018〕117号, 东政办〔2019〕138号, 吉市政办发[2023]11号. */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}\s*[〔［\[【（]\s*\d{4}\s*[〕］\]】）]\s*\d{1,4}\s*号/;

/** Fields of a header line, or [] when the line is not a header line. Input: canonical line. */
export function parseHeaderLine(canonLine: string): HeaderField[] {
  // A line that is only a 发文字号, as plans print it under their title.
  const alone = new RegExp(`^${DOC_NUMBER.source}$`).exec(canonLine.trim());
  if (alone) return [{ key: 'docNumber', label: '发文字号', value: canonLine.trim() }];
  const line = canonLine.replace(/^-\s*/, '');
  const matches = [...line.matchAll(KEY_RE)];
  if (matches.length === 0) return [];
  // The first key must open the line: "本方案自印发之日起施行。时间：…" is prose, not a header.
  if (line.slice(0, matches[0].index).trim() !== '') return [];
  const fields: HeaderField[] = [];
  matches.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1].index! : line.length;
    const label = compact(m[1]);
    const key = KEYS.find(([re]) => re.test(label))?.[1] ?? 'other';
    fields.push({ key, label, value: trimAll(line.slice(start, end)) });
  });
  // Prose that happens to contain "日期：" deep inside a sentence is not a header.
  const valueChars = fields.reduce((n, f) => n + f.value.length, 0);
  if (fields.length === 1 && valueChars > 80) return [];
  return fields;
}

/** A line holding only a date-time stamp, e.g. "2018-06-06 19:24". */
export function isTimestampLine(canonLine: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?$/.test(canonLine);
}
