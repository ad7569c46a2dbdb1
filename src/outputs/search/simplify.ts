// Traditional characters and variant forms in a query → the simplified text the index holds (OpenCC,
// Hong Kong standard and its variants → mainland, phrase by phrase: 揚塵 → 扬尘, 汙 → 污, 衞 → 卫,
// 裏 → 里, 綫 → 线). A module of its own, which the search page imports only when a query has a
// character that conversion may change (mayNeedConversion in query.ts): Vite makes it a chunk of
// its own (about 50 KB gzip, OpenCC's dictionaries), served from the site like the rest, which a
// reader who types simplified Chinese never downloads.
import { Converter } from 'opencc-js/t2cn';

const convert = Converter({ from: 'hk', to: 'cn' });

export function toSimplified(text: string): string {
  return convert(text);
}
