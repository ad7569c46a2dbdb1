// 完成时限 / 整改时限: dated ("2018年6月底前", "2019年12月31日", "到2025年") or standing
// ("长期", "立行立改", "立即启动"). A date means the last day the deadline allows.
import type { Deadline } from '../../domain/types';
import { daysInMonth } from '../../domain/dates';
import { isoDate } from './calendar';

const STANDING = /长期坚持|长期|立行立改|立即启动|立即执行|持续推进|常态化推进|常态化|持续开展/;

/** Y年M月D日 (also the typos Y月M月D日 and a missing 日), Y年M月底, Y年底, Y年. */
const DATE_EXPR = /(\d{4})\s*[年月]\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日?|(底|末|中旬|上旬|下旬))?)?\s*(底|末)?/;

/** The date a deadline expression allows, or null. */
export function deadlineDate(text: string): string | null {
  const m = DATE_EXPR.exec(text);
  if (!m) return null;
  const year = +m[1];
  if (m[2] === undefined) return isoDate(year, 12, 31);
  const month = +m[2];
  if (month < 1 || month > 12) return null;
  if (m[3] !== undefined) return isoDate(year, month, +m[3]);
  const part = m[4];
  const day = part === '上旬' ? 10 : part === '中旬' ? 20 : daysInMonth(year, month);
  return isoDate(year, month, day);
}

export function isStanding(text: string): boolean {
  return STANDING.test(text);
}

/**
 * A parenthesised deadline tag: (2018年6月30日) (长期) (立即启动) (立行立改，长期)
 * (2018年12月31日，长期). Returns null when the parentheses hold anything else.
 */
export function parseDeadlineTag(inner: string): Deadline | null {
  const text = inner.trim();
  const items = text
    .split(/[，,、；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return null;
  const allDeadlineWords = items.every(
    (item) =>
      /^\d{4}\s*[年月]\s*(\d{1,2}\s*月\s*(\d{1,2}\s*日?|底|末)?)?\s*(底|末)?\s*(前|以前|之前)?(完成)?$/.test(item) ||
      /^(长期坚持|长期|立行立改|立即启动|立即执行|持续推进|常态化)$/.test(item),
  );
  if (!allDeadlineWords) return null;
  const date = deadlineDate(text);
  if (/\d{4}/.test(text) && !date) return null;
  return { text, date, kind: date ? 'date' : 'standing' };
}

/**
 * A 完成时限 / 整改时限 value: "1.第1项目标2018年6月30日前完成，长期；2.第2项目标立行立改，长期。"
 * One deadline per numbered item; an unnumbered value is one deadline.
 */
export function parseDeadlineValue(value: string): Deadline[] {
  const cleaned = value.trim().replace(/[。.]$/, '');
  const items = cleaned
    .split(/[；;]/)
    .map((s) => s.trim().replace(/^\d{1,2}\s*[.、．]\s*/, ''))
    .filter(Boolean);
  const out: Deadline[] = [];
  for (const item of items) {
    const date = deadlineDate(item);
    if (date) out.push({ text: item, date, kind: 'date' });
    else if (isStanding(item)) out.push({ text: item, date: null, kind: 'standing' });
  }
  return out;
}

/**
 * Dated deadlines stated in prose: "2018年6月底前完成…", "到2020年实现…", "2025年，建设…".
 * The deadline's text is the clause that states it.
 */
export function findProseDeadlines(prose: string): Deadline[] {
  const out: Deadline[] = [];
  const clauses = prose.split(/(?<=[。；;！？])|(?<=[，,])(?=\s*(?:到|至|于|在)?\s*\d{4}\s*年)/);
  for (const raw of clauses) {
    const clause = raw.trim();
    if (!clause) continue;
    // "2015年1月1日前未清理…" qualifies the past; a deadline is followed by what is to be done.
    const before =
      /(?:^|[^\d])(\d{4}\s*[年月]\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日?|底|末)?)?\s*(?:底|末)?\s*(?:前|以前|之前))(?![未已的])/.exec(clause);
    const by = /(?:到|至)\s*(\d{4})\s*年(?:底|末)?/.exec(clause);
    const lead = /^(\d{4})\s*年\s*[，,]/.exec(clause);
    const expr = before?.[1] ?? (by ? by[0] : null) ?? (lead ? lead[1] + '年' : null);
    if (!expr) continue;
    const date = deadlineDate(expr);
    if (!date) continue;
    const text = clause.replace(/^[，,。；;]+|[，,。；;]+$/g, '');
    if (!out.some((d) => d.text === text)) out.push({ text: text.length > 90 ? text.slice(0, 89) + '…' : text, date, kind: 'date' });
  }
  return out;
}
