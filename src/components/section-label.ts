// Section numbers as the document writes them: 一、 （一） 1. （1） ①. The ingest stores the bare
// number ("一", "1"); the level says which punctuation it had.
import type { Section } from '../domain/types';

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

/** A task number as the text writes it before the task: "4." for 4, "一、" for 一, "（十四）" unchanged. */
export function taskNumberMark(number: string): string {
  if (/^[（(].*[）)]$/.test(number) || /[、.．]$/.test(number)) return number;
  return /^\d/.test(number) ? `${number}.` : `${number}、`;
}

/** "任务 4", "问题一", "任务 2-3": a space only between Chinese and Arabic digits. */
export function taskName(noun: string, number: string): string {
  return /^\d/.test(number) ? `${noun} ${number}` : `${noun}${number}`;
}
