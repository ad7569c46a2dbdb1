// Chinese date expressions → ISO dates. Deadlines mean "by the end of": 2018年6月底 is 2018-06-30.

import { isoDateOf } from '../../domain/dates';

/** A date a government document can mean: it exists, and lies between 1949 and 2100. */
export function isoDate(year: number, month: number, day: number): string | null {
  return year >= 1949 && year <= 2100 ? isoDateOf(year, month, day) : null;
}

/**
 * The first calendar date in a header or signature: 2019年08月19日, 2018-12-20 18:35,
 * and the typo 20198月16日 (年 dropped). Null when none or impossible.
 */
export function parseCalendarDate(text: string): string | null {
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /(\d{4})\s*[年月]?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  return null;
}

/** Is the whole line a date (a signature date line)? */
export function isDateLine(text: string): boolean {
  return /^\d{4}\s*[年月]?\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(text.trim());
}
