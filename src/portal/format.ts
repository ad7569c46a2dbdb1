// Dates and numbers as Chinese readers expect them. Pure; no locale APIs, so builds are reproducible.

/** "2018-12-20" → "2018年12月20日"; "2019-01" → "2019年1月"; "2019" → "2019年"; anything else unchanged. */
export function chineseDate(s: string | null | undefined): string {
  if (!s) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return s;
  let out = `${m[1]}年`;
  if (m[2]) out += `${Number(m[2])}月`;
  if (m[3]) out += `${Number(m[3])}日`;
  return out;
}

/** 12345 → "12,345"; 38.5 → "38.5". Grouping by thousands, as official tables print numbers. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A share as a percentage with at most one decimal: 1/3 → "33.3%". 0 of 0 → "—". */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}
