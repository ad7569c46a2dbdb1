// Section and task numbers as the document writes them: 一、 （一） (一) 1. 1、 （1） ① 第三条 一是.
// The ingest keeps the bare number ("一", "1") for ids and citations, and the marker as written.
import type { Section, Task } from '../domain/types';

export function sectionNumber(s: Pick<Section, 'marker' | 'number' | 'implicit'>): string {
  if (s.implicit) return `第${s.number}组`;
  return s.marker || s.number;
}

/** "（一）优化国土空间开发格局"; implicit groups say that the source gives them no title. */
export function sectionLabel(s: Pick<Section, 'marker' | 'number' | 'implicit' | 'title'>): string {
  if (s.implicit) return `${sectionNumber(s)}（原文未设标题）`;
  const number = sectionNumber(s);
  // A heading "第三条" or "一是" has the marker as its whole title's start; no gap after 、 ） . either.
  return /[、）)．.\s]$/.test(number) || number === '' ? `${number}${s.title}` : `${number} ${s.title}`;
}

/** A task's number as the text writes it before the task ("4.", "（十四）", "第三条"); "" for an unnumbered paragraph. */
export const taskNumberMark = (task: Pick<Task, 'marker'>): string => task.marker;

/** "任务 4", "问题一", "任务 2-3": a space only between Chinese and Arabic digits. */
export function taskName(noun: string, number: string): string {
  return /^\d/.test(number) ? `${noun} ${number}` : `${noun}${number}`;
}
