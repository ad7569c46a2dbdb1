// What the text says about itself: title, 发文字号, 索引号, issuer, 成文/发布日期.
import type { Document } from '../../domain/types';
import type { Line } from './lines';
import { parseCalendarDate, isDateLine } from './calendar';
import { DOC_NUMBER } from './header';
import { compact, squeeze } from './normalize';

export type ExtractedMetadata = Pick<Document, 'title' | 'docNumber' | 'indexNumber' | 'issuer' | 'writtenOn' | 'publishedOn'>;

const ISSUER_SUFFIX = /(人民政府|行政公署|公署|办公室|办公厅|委员会|党委|厅|局|委|政府)$/;

/** Title text cleaned for display: outer 《》 and a trailing 征求意见 marker go, <> become 〈〉. */
export function cleanTitle(text: string): string {
  let t = squeeze(text).replace(/\s*([《》<>〈〉])\s*/g, '$1');
  t = t.replace(/（?征求意见稿）?$|征求意见$/, '');
  const outer = /^《(.*)》$/.exec(t);
  if (outer && !/[《》]/.test(outer[1].replace(/[<>〈〉]/g, ''))) t = outer[1];
  return t.replace(/</g, '〈').replace(/>/g, '〉');
}

/** Compare titles ignoring brackets, spaces and punctuation width. */
function titleKey(text: string): string {
  return compact(text).replace(/[《》<>〈〉（）()【】「」"“”]/g, '');
}

function noticeSubject(joined: string): string | null {
  const m = /关于印发(.+?)的通知/.exec(joined);
  return m ? m[1] : null;
}

export function extractMetadata(lines: Line[]): ExtractedMetadata {
  const fields = new Map<string, string>();
  for (const line of lines) {
    if (line.kind !== 'meta') continue;
    for (const f of line.header ?? []) if (f.value && !fields.has(f.key)) fields.set(f.key, f.value);
    if (!line.header?.length && !fields.has('publishedOn')) fields.set('publishedOn', line.canon);
  }

  // Title groups: consecutive title lines (blank lines between allowed).
  const groups: string[] = [];
  let current: string[] = [];
  let lastTitleIndex = -2;
  lines.forEach((line, i) => {
    if (line.kind === 'title') {
      const onlyBlanksBetween = lines.slice(lastTitleIndex + 1, i).every((l) => l.kind === 'blank');
      if (!(lastTitleIndex >= 0 && onlyBlanksBetween)) {
        if (current.length) groups.push(current.join(''));
        current = [];
      }
      current.push(compact(line.text));
      lastTitleIndex = i;
    }
  });
  if (current.length) groups.push(current.join(''));

  const notice =
    groups.map(noticeSubject).find((s) => s !== null) ?? (fields.get('name') ? noticeSubject(compact(fields.get('name')!)) : null);
  const plain = groups.filter((g) => noticeSubject(g) === null);
  let title: string | null = null;
  if (notice) {
    const match = plain.find((g) => titleKey(cleanTitle(g)) === titleKey(cleanTitle(notice)));
    title = cleanTitle(match ?? notice);
  } else if (plain.length) {
    title = cleanTitle(plain[plain.length - 1]);
  } else if (fields.get('name')) {
    title = cleanTitle(fields.get('name')!);
  }

  const docNumberField = fields.get('docNumber');
  const docNumber = docNumberField ? asWrittenIn(lines, DOC_NUMBER.exec(docNumberField)?.[0] ?? docNumberField) : null;
  const indexNumber = fields.has('indexNumber') ? asWrittenIn(lines, fields.get('indexNumber')!) : null;

  // Signature: an issuer line directly above a date line.
  let signatureIssuer: string | null = null;
  let signatureDate: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i].kind === 'para' && isDateLine(lines[i].canon))) continue;
    let j = i - 1;
    while (j >= 0 && lines[j].kind === 'blank') j--;
    signatureDate ??= parseCalendarDate(lines[i].canon);
    if (j >= 0 && lines[j].kind === 'para' && lines[j].canon.length <= 24 && ISSUER_SUFFIX.test(compact(lines[j].canon))) {
      signatureIssuer = compact(lines[j].text);
      break;
    }
  }
  const noticeGroup = groups.find((g) => noticeSubject(g) !== null);
  const noticeIssuer = noticeGroup ? noticeGroup.slice(0, noticeGroup.indexOf('关于印发')) : '';
  const issuer = signatureIssuer ?? fields.get('issuer') ?? (noticeIssuer && ISSUER_SUFFIX.test(noticeIssuer) ? noticeIssuer : null);

  const writtenOn = (fields.get('writtenOn') ? parseCalendarDate(fields.get('writtenOn')!) : null) ?? signatureDate;
  const publishedOn = fields.get('publishedOn') ? parseCalendarDate(fields.get('publishedOn')!) : null;

  return { title, docNumber, indexNumber, issuer, writtenOn, publishedOn };
}

/** A value read from the canonical copy, as the text writes it: 藏政发(2018)12号 keeps its brackets. */
function asWrittenIn(lines: readonly Line[], canonValue: string): string {
  for (const l of lines) {
    const i = l.canon.indexOf(canonValue);
    if (i >= 0) return l.text.slice(i, i + canonValue.length);
  }
  return canonValue;
}
