// Calendar basics shared by every stage: one definition of "a date that exists".

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a date that exists, written YYYY-MM-DD: 2019-02-28 yes, 2019-02-30 no. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** YYYY-MM-DD for a year, month and day, or null when that date does not exist. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(s) ? s : null;
}

/** Excel's day 0 (1900 date system, with its 29 February 1900 that never was): serial 61 is 1900-03-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The date of an Excel date serial (43480 → 2019-01-15), or null for a serial outside 1900-03-01…9999-12-31. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date as spreadsheets and officials write it → YYYY-MM-DD, or null when it is none: 2019-01-15,
 * 2019/1/15, 2019.1.15, 2019-1-15, 2019年1月15日, 20190115, and an Excel date serial (43480). Full-width
 * digits are read as digits. A date that does not exist (2019/2/30) is none.
 */
export function readDate(raw: string | number): string | null {
  if (typeof raw === 'number') return excelSerialDate(raw);
  const text = raw.normalize('NFKC').trim();
  if (isRealDate(text)) return text;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) return isoDateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  // A serial a spreadsheet wrote as text: five digits, 1927…2173.
  if (/^\d{5}(\.0+)?$/.test(text)) return excelSerialDate(Number(text));
  return null;
}
