// Section numbers as the document writes them: 一、 （一） 1. （1） ①. The ingest stores the bare
// number ("一", "1"); the level says which punctuation it had.
import type { Section } from '../model/types';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function sectionNumber(s: Pick<Section, 'level' | 'number' | 'implicit'>): string {
  if (s.implicit) return `第${s.number}组`;
  const n = s.number.replace(/^[（(]|[）)、.．]$/g, '');
  switch (s.level) {
    case 1:
      return `${n}、`;
    case 2:
    case 4:
      return `（${n}）`;
    case 3:
      return `${n}.`;
    default: {
      const i = Number(n);
      return Number.isInteger(i) && i >= 1 && i <= CIRCLED.length ? CIRCLED[i - 1] : n;
    }
  }
}

/** "（一）优化国土空间开发格局"; implicit groups say that the source gives them no title. */
export function sectionLabel(s: Pick<Section, 'level' | 'number' | 'implicit' | 'title'>): string {
  return s.implicit ? `${sectionNumber(s)}（原文未设标题）` : `${sectionNumber(s)}${s.title}`;
}
