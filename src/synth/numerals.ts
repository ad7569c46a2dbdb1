// Chinese numerals as plans write them in headings and numbers: 1 → 一, 14 → 十四, 23 → 二十三.

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 14 → 十四, 23 → 二十三, 105 → 一百零五 (enough for section and problem numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const rest = n % 100;
  return (
    CN[Math.floor(n / 100)] +
    '百' +
    (rest === 0 ? '' : rest < 10 ? '零' + CN[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest))
  );
}
