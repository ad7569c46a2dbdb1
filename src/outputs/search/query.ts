// A query as people type it, turned into the words the index holds (terms.ts explains how Pagefind
// splits and matches). Pure functions: the search page (client.ts) runs them before Pagefind sees the
// query, and the index side (records.ts) writes the same normalised forms, so the two always agree.
//
//   - full-width digits, letters and brackets → their ASCII forms (NFKC);
//   - document numbers however the brackets, spaces, 年 and 第 are typed → 〔2018〕66号, the form
//     the documents write (国发[2018]39号, 国发(2018)39号, 国发 2018 39号, 国发2018年第39号 …);
//   - deadline phrases → one token per date (2019年底前, 2019年12月31日前 → d20191231; 6月30日前
//     → m0630), which task records carry in a hidden field (deadlineKeys);
//   - task numbers: 任务 and 问题 with a number are left as typed; task records carry both Arabic
//     and Chinese numerals (taskNumberKeys).
//
// Traditional characters are converted to simplified by OpenCC in a module loaded only when the
// query needs it (simplify.ts): mayNeedConversion() decides that without the converter.

const HAN = /\p{Script=Han}/u;

/** Opening and closing brackets people type around a document number's year. */
const OPEN = '〔［\\[(（【{〖「<《';
const CLOSE = '〕］\\])）】}〗」>》';

/**
 * Document numbers: an issuer's code (optional), a four-digit year in any brackets or none, an
 * optional 年 and 第, the serial number and 号 (or 號). The year and number must be apart (a bracket,
 * 年 or a space), or the year must be 19xx/20xx followed directly by the number (青发202121号).
 */
const DOC_NUMBER = new RegExp(`\\s*[${OPEN}]?\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]?\\s*年?\\s*第?\\s*(\\d{1,5})\\s*[号號]`, 'gu');

/** 〔2018〕66号: how the documents write a document number's year and serial. */
export function docNumberForm(year: string, serial: string): string {
  return `〔${year}〕${Number(serial)}号`;
}

/** Every document number in `text`, in the documents' own form (阿行发〔2018〕66号). */
export function docNumbers(text: string): string[] {
  const out = new Set<string>();
  const t = text.normalize('NFKC');
  for (const m of t.matchAll(DOC_NUMBER)) {
    // The issuer's code: the Chinese characters just before (at most 8, within this phrase).
    const before = t.slice(0, m.index);
    const issuer = /(\p{Script=Han}{1,8})$/u.exec(before)?.[1] ?? '';
    out.add(`${issuer}${docNumberForm(m[1]!, m[2]!)}`);
  }
  return [...out];
}

const pad = (n: number | string) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The token of a deadline date: d + YYYYMMDD. */
export const dateToken = (iso: string) => `d${iso.replace(/-/g, '')}`;
/** The token of a deadline's day of the year, for phrases without a year (6月30日前): m + MMDD. */
export const dayToken = (iso: string) => `m${iso.slice(5, 7)}${iso.slice(8, 10)}`;

/** A deadline phrase's date, or null when the numbers are not a date. */
function isoDate(y: number, m: number, d: number | 'last'): string | null {
  if (m < 1 || m > 12) return null;
  const day = d === 'last' ? lastDay(y, m) : d;
  if (day < 1 || day > lastDay(y, m)) return null;
  return `${y}-${pad(m)}-${pad(day)}`;
}

const BEFORE = '(?:之前|以前|前)';
/** Deadline phrases, each with the date it stands for (all after NFKC: ASCII digits). */
const DEADLINE_PHRASES: { re: RegExp; token: (m: RegExpExecArray) => string | null }[] = [
  // 2019年12月31日前, 2018年6月30前 (as the text sometimes writes it), 2019年12月31日
  {
    re: new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*(?:日\\s*${BEFORE}?|${BEFORE})`, 'gu'),
    token: (m) => {
      const iso = isoDate(+m[1]!, +m[2]!, +m[3]!);
      return iso && dateToken(iso);
    },
  },
  // 2020年6月底前, 2020年6月底, 2020年6月末
  {
    re: new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(?:底|末)\\s*${BEFORE}?`, 'gu'),
    token: (m) => {
      const iso = isoDate(+m[1]!, +m[2]!, 'last');
      return iso && dateToken(iso);
    },
  },
  // 2019年底前, 2019年底, 2019年年底前, 2019年末
  {
    re: new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*(?:年?底|末)\\s*${BEFORE}?`, 'gu'),
    token: (m) => dateToken(`${m[1]}-12-31`),
  },
  // 6月30日前, 6月30日 (no year: every year's 30 June)
  {
    re: new RegExp(`(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*(?:日\\s*${BEFORE}?|${BEFORE})`, 'gu'),
    token: (m) => {
      const iso = isoDate(2000, +m[1]!, +m[2]!); // 2000 is a leap year: 2月29日 is a day
      return iso && dayToken(iso);
    },
  },
  // 6月底前 (no year)
  {
    re: new RegExp(`(?<![\\d年])(\\d{1,2})\\s*月\\s*(?:底|末)\\s*${BEFORE}?`, 'gu'),
    token: (m) => {
      const iso = isoDate(2001, +m[1]!, 'last'); // 2月底: the 28th, as most years
      return iso && dayToken(iso);
    },
  },
];

/** The date tokens of the deadline phrases written in `text` (措施 … (2018年6月30日) → d20180630). */
export function deadlineTokensIn(text: string): string[] {
  const out = new Set<string>();
  let t = text.normalize('NFKC');
  for (const { re, token } of DEADLINE_PHRASES)
    t = t.replace(re, (...args) => {
      const tok = token(args.slice(0, -2) as unknown as RegExpExecArray);
      if (tok) out.add(tok);
      return ' '; // a phrase read once: 6月30日 inside 2018年6月30日 is not read again
    });
  return [...out];
}

/** The query with its deadline phrases as date tokens (2019年底前 → d20191231), spaced apart. */
function deadlineTokens(q: string): string {
  let out = q;
  for (const { re, token } of DEADLINE_PHRASES)
    out = out.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const t = token(m);
      return t ? ` ${t} ` : m[0];
    });
  return out;
}

/**
 * The query Pagefind is given: NFKC, document numbers in the documents' form, deadline phrases as
 * date tokens, whitespace collapsed. Traditional characters are converted before this (simplify.ts).
 */
export function normaliseQuery(q: string): string {
  let out = q.normalize('NFKC');
  out = out.replace(DOC_NUMBER, (_, year: string, serial: string) => docNumberForm(year, serial));
  out = deadlineTokens(out);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The words of a query for the fallback when no page holds all of them: the parts between spaces;
 * a query typed without spaces (那曲排污) is split at ICU's word starts, with runs of characters ICU
 * does not know (那|曲) kept together as one word.
 */
export function queryWords(q: string, segment: (text: string) => string[] = icuWords): string[] {
  const parts = q.split(/\s+/).filter(Boolean);
  if (parts.length !== 1) return [...new Set(parts)];
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if (run) words.push(run);
    run = '';
  };
  for (const piece of segment(parts[0]!)) {
    if ([...piece].length === 1 && HAN.test(piece)) run += piece;
    else {
      flush();
      words.push(piece);
    }
  }
  flush();
  // Only Chinese words: single characters match almost every page, and the numbers of a document
  // number or a date (国发〔2018〕39号 → 国发, 2018, 39) are no words to fall back on.
  return [...new Set(words.filter((w) => [...w].length >= 2 && HAN.test(w)))];
}

let segmenter: Intl.Segmenter | undefined;
function icuWords(text: string): string[] {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return [text];
  segmenter ??= new Intl.Segmenter('zh-cn', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

// ---------------------------------------------------------------------------------------------
// Index side: the hidden fields of a task record.

const DIGITS = '零一二三四五六七八九';

/** 44 → 四十四, 10 → 十, 14 → 十四, 120 → 一百二十 (numbers below 1000). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return '';
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** 四十四 → 44, 十四 → 14, 十 → 10, 一百二十 → 120; null when `s` is not such a numeral. */
export function arabicNumeral(s: string): number | null {
  if (!/^[零一二三四五六七八九十百]+$/u.test(s)) return null;
  for (let n = 0; n < 1000; n++) if (chineseNumeral(n) === s) return n;
  return null;
}

/**
 * A task's number as a query may type it: 任务 or 问题, then the number in Arabic and in Chinese
 * numerals, each part of a compound number (2-3 → 2, 3) on its own, as ICU splits the query.
 */
export function taskNumberKeys(kind: 'task' | 'problem' | string, number: string): string[] {
  const out = new Set<string>([kind === 'problem' ? '问题' : '任务']);
  for (const part of number.split(/[-.．、\s]+/).filter(Boolean)) {
    out.add(part);
    const n = /^\d+$/.test(part) ? Number(part) : arabicNumeral(part);
    if (n !== null) {
      out.add(String(n));
      const zh = chineseNumeral(n);
      if (zh) out.add(zh);
    }
  }
  return [...out];
}

/**
 * The standing deadline a query may ask for (长期). Only words ICU keeps whole: the pieces of 立行立改
 * (立|行|立|改) or 持续推进 (持续|推进) in a hidden field would answer queries for other things.
 */
export const STANDING_DEADLINES = /长期/gu;

/** The standing deadlines `text` writes (第2项目标立行立改，长期 → 长期). */
export function standingDeadlines(text: string): string[] {
  return [...new Set(text.match(STANDING_DEADLINES) ?? [])];
}

/**
 * A task's deadlines as the date tokens a deadline phrase in a query becomes (normaliseQuery): the
 * parsed deadlines, and the dates its own text gives (measures due (2018年6月30日), 2014年底前).
 */
export function deadlineKeys(dates: readonly (string | null)[], text = ''): string[] {
  const out = new Set<string>();
  for (const t of deadlineTokensIn(text)) {
    out.add(t);
    if (t.startsWith('d')) out.add(`m${t.slice(5)}`); // d20180630 → m0630 as well
  }
  for (const d of dates) {
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) continue;
    out.add(dateToken(d));
    out.add(dayToken(d));
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Whether a query needs the converter (simplify.ts), decided without it.

/**
 * The GB 2312 hanzi that OpenCC (Hong Kong → mainland) changes on their own (乾 → 干, 後 → 后 …).
 * Every other character it changes lies outside GB 2312: the set the index's simplified text is
 * written in. tests/outputs/search/query.test.ts checks this list against OpenCC's own dictionaries.
 */
export const CONVERTED_GB2312 = '乾吒夥後徵拚捱摺於榘菸薹袷醣麴麽';

/**
 * GB 2312 hanzi that OpenCC changes only inside some phrases written the traditional way (反覆 →
 * 反复, 意志消沈 → 意志消沉, 找藉口 → 找借口). On their own they are ordinary simplified text (覆盖,
 * 沈阳, 狼藉), so they do not load the converter: such a phrase typed with no other traditional
 * character is searched as typed.
 */
export const PHRASE_ONLY_GB2312 = '么俱哩坏彷沈藉覆';

let gb2312: Set<string> | null | undefined;

/** GB 2312's hanzi (rows 16-87), from the browser's own GBK decoder: nothing to download. */
export function gb2312Hanzi(): Set<string> | null {
  if (gb2312 !== undefined) return gb2312;
  try {
    const bytes: number[] = [];
    for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
    gb2312 = new Set([...new TextDecoder('gbk').decode(new Uint8Array(bytes))].filter((c) => HAN.test(c)));
  } catch {
    gb2312 = null; // no GBK decoder: every Chinese query goes through the converter
  }
  return gb2312;
}

/**
 * Whether converting `q` to simplified characters may change it: it has a Chinese character outside
 * GB 2312 (traditional forms and variants: 揚, 汙, 衞, 綫) or one of CONVERTED_GB2312. A rare
 * simplified character outside GB 2312 loads the converter for nothing and comes back unchanged.
 */
export function mayNeedConversion(q: string): boolean {
  const gb = gb2312Hanzi();
  for (const c of q.normalize('NFKC')) {
    if (!HAN.test(c)) continue;
    if (!gb || !gb.has(c) || CONVERTED_GB2312.includes(c)) return true;
  }
  return false;
}
