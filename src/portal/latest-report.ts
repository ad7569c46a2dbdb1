// What a task last reported, for lists that answer "what did they say?" without opening each task:
// the newest report (by period, then by date) and the first line of its progress text.
import { comparePeriods } from '../domain/periods';
import type { StatusReport } from '../domain/types';
import { markdownToText } from './markdown';
import type { TaskView } from './types';

/** The newest report of a task, or null when it never reported. */
export function latestReport(view: Pick<TaskView, 'reports'>): StatusReport | null {
  let latest: StatusReport | null = null;
  for (const r of view.reports) {
    if (!latest) latest = r;
    else {
      const order = comparePeriods(r.period, latest.period);
      if (order > 0 || (order === 0 && r.reportedOn > latest.reportedOn)) latest = r;
    }
  }
  return latest;
}

/** Characters of progress text a list shows before cutting with "…". */
export const FIRST_LINE_LENGTH = 60;

/** The first non-empty line of a progress text as plain text, cut to `max` characters; "" when empty. */
export function firstProgressLine(progress: string, max: number = FIRST_LINE_LENGTH): string {
  const line = progress.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const text = markdownToText(line);
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
