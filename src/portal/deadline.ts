// The final deadline of a task as pages show it: stated in the text, taken from its measures, or —
// when the text states none — implied by the end of the plan (the same rule derive-status applies to
// 已逾期, so a task shown as overdue always shows the date it is overdue against).
import { finalDeadline } from '../domain/derive-status';
import type { TaskView } from './types';

export interface ShownDeadline {
  /** YYYY-MM-DD, or null when the task is never overdue (standing deadlines only). */
  date: string | null;
  /** The date is the plan's end, not written in the task. */
  implied: boolean;
  /** The standing deadline text (长期, 持续推进…) when there is no date. */
  standing: string | null;
}

export function shownDeadline(view: Pick<TaskView, 'task' | 'document'>): ShownDeadline {
  const stated = finalDeadline(view.task);
  const date = finalDeadline(view.task, view.document.meta.span.end);
  const standing =
    view.task.deadlines.find((d) => d.kind === 'standing')?.text ??
    view.task.measures.flatMap((m) => m.deadlines).find((d) => d.kind === 'standing')?.text ??
    null;
  return { date, implied: stated === null && date !== null, standing: date === null ? standing : null };
}
