// Chinese date expressions → ISO dates. Deadlines mean "by the end of": 2018年6月底 is 2018-06-30.

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!(year >= 1949 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2019-02-30" → false. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isRealDate(+m[1], +m[2], +m[3]);
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
