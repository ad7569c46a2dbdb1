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
    // "2023年1月1日至2023年12月31日": a period runs until its end.
    const range = /(?:至|到|—|－|~|～)\s*(?=\d{4}\s*年)/.exec(item);
    const date = deadlineDate(range ? item.slice(range.index + range[0].length) : item);
    if (date) out.push({ text: item, date, kind: 'date' });
    else if (isStanding(item)) out.push({ text: item, date: null, kind: 'standing' });
  }
  return out;
}

/**
 * Clauses of prose with their offsets: sentences, and a comma before a year starts a new one
 * ("…，2019年底前完成…").
 */
function clausesOf(prose: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let at = 0;
  for (const raw of prose.split(/(?<=[。；;！？\n])|(?<=[，,])(?=\s*(?:到|至|于|在|力争|确保)?\s*\d{4}\s*年)/)) {
    const text = raw.trim().replace(/^[，,。；;]+|[，,。；;]+$/g, '');
    if (text) out.push({ start: at, text });
    at += raw.length;
  }
  return out;
}

/** A deadline found in prose, with where its phrase starts in the prose. */
export interface ProseDeadline extends Deadline {
  index: number;
}

/** A date as plans write it: 2023年, 2023年6月, 2023年6月30日, 2023年6月底, 2023年底 (spaces allowed, as PDFs leave them). */
const DATE = String.raw`\d{4}\s*[年月]\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日?|底|末)?)?\s*(?:底|末)?`;

/**
 * "2018年6月底前完成…": a date with 前. Not when it qualifies what the task is about rather than when
 * it is done: loans "2023年3月31日前到期的", houses "2023年4月30日前购买的", "…前已发放的".
 */
const BEFORE = new RegExp(
  String.raw`(?<!\d)(${DATE}\s*(?:前|以前|之前))(?!\s*(?:未|已|的|到期|购买|购置|签订|发放|交款|缴纳|出生|登记|注册|取得|成立|备案|网签|符合|入学|参保|开工的))`,
  'g',
);

/** "到2025年实现…", "至2023年底": a date the work runs to. */
const BY = new RegExp(String.raw`(到|至)\s*(${DATE})`, 'g');

/**
 * What 至 ends when it is not a deadline: a range ("自2023年1月1日至…", "四季度至2024年一季度",
 * "政策出台至…期间") or a policy's term ("有效期至", "期限延长至", "可延至", "截至").
 */
const RANGE_BEFORE = /(?:[日月年度季起始台]|期限?|有效期|延长|延|顺延|截|执行|适用)\s*$/;
const RANGE_AFTER = /^\s*(?:（含）|\(含\))?\s*(?:期间|止|之间|内出生|起)/;

/**
 * "2023年力争新增…", "力争2023年…", "2025年，建设…": a year that opens a clause and introduces a goal:
 * followed by a comma, or by a verb of achieving. Not "2024年继续实施…政策" or "2023年在库企业", where
 * the year is the period a measure covers.
 */
const YEAR_GOAL =
  /^(?:(?:力争|确保|争取)\s*(\d{4})\s*年(?!\s*[月底末前后以起至上下第的内初中度\d])|(\d{4})\s*年(?:\s*[，,]|(?=\s*(?:力争|确保|争取|要|底前)?\s*(?:新增|新建|新开工|新认定|新培育|创建|完成|实现|建成|建设|成功|有序推进|推进|达到|培育|引进|打造|开工|改造|启动|形成|基本|累计|发放|举办|全面完成|全面建成|全面实现))))/;

/** "于2024年10月份统一…实施": a month by which the work is done, read as its last day. */
const IN_MONTH = /(?:于|在)\s*(\d{4}\s*年\s*\d{1,2}\s*月)份?(?!\s*[\d日至起以的底末前—–\-~～])/g;

/**
 * Dated deadlines stated in prose: "2018年6月底前完成…", "到2020年实现…", "2025年，建设…",
 * "2023年新增…", "于2024年10月份完成…". The deadline's text is the clause that states it (what is due).
 * Dates that bound a policy's window or term, or qualify what the task is about, are not deadlines.
 */
export function findProseDeadlines(prose: string): ProseDeadline[] {
  const out: ProseDeadline[] = [];
  const clauses = clausesOf(prose);
  const add = (phrase: string, index: number) => {
    const date = deadlineDate(phrase);
    const clause = clauses.findLast((c) => c.start <= index);
    if (!date || !clause) return;
    // The clause says what is due by the date: one deadline per clause.
    const text = clause.text.length > 90 ? clause.text.slice(0, 89) + '…' : clause.text;
    if (!out.some((d) => d.text === text)) out.push({ text, date, kind: 'date', index });
  };
  /** Whether 至/到 at `index` ends a range or a policy's term rather than setting a deadline. */
  const endsRange = (index: number) => RANGE_BEFORE.test(prose.slice(Math.max(0, index - 6), index));
  for (const m of prose.matchAll(BEFORE)) {
    const before = prose.slice(0, m.index!);
    const to = /(?:至|到)\s*$/.exec(before);
    if (to && endsRange(to.index)) continue;
    // "2023年8月31日前金融机构已发放的贷款": the date says which things qualify, not when work is due.
    const rest = /^[^，,。；;]*/.exec(prose.slice(m.index! + m[0].length))![0];
    if (/[已未][^的]*的/.test(rest) && !/要|完成|实现|建成|开工|出台|制定|印发/.test(rest)) continue;
    add(m[1], m.index! + m[0].indexOf(m[1]));
  }
  for (const m of prose.matchAll(BY)) {
    if (endsRange(m.index!)) continue;
    if (RANGE_AFTER.test(prose.slice(m.index! + m[0].length))) continue;
    // "到2025年6月底前": the 前 rule has it already.
    if (/^\s*(?:前|以前|之前)/.test(prose.slice(m.index! + m[0].length))) continue;
    add(m[0], m.index!);
  }
  for (const m of prose.matchAll(IN_MONTH)) add(m[1], m.index! + m[0].indexOf(m[1]));
  // Clause by clause for the opening year.
  let at = 0;
  for (const clause of prose.split(/(?<=[。；;！？，,：:\n])/)) {
    const lead = clause.length - clause.trimStart().length;
    const m = YEAR_GOAL.exec(clause.trimStart());
    const year = m?.[1] ?? m?.[2];
    if (m && year) add(year + '年', at + lead + m[0].indexOf(year));
    at += clause.length;
  }
  return out.sort((a, b) => a.index - b.index);
}
