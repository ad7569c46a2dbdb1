// Status counts in words: the text alternative of every chart, and the summaries next to tables.
import { ALL_STATUSES } from '../../model/derive-status';
import type { StatusCounts } from '../../model/portal-types';
import type { Status } from '../../model/types';

/**
 * The statuses a task has exactly one of in a period (已逾期 is a flag on top of them, so charts
 * stack these and mention 已逾期 separately).
 */
export const EXCLUSIVE_STATUSES: readonly Status[] = ALL_STATUSES.filter((s) => s !== '已逾期');

/** Tasks counted once each: the sum of the exclusive statuses. */
export function totalOf(counts: StatusCounts): number {
  return EXCLUSIVE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** "共 12 项：达到序时进度 5 项，未报告 7 项；其中已逾期 2 项。" Zero counts are left out. */
export function describeCounts(counts: StatusCounts): string {
  const total = totalOf(counts);
  if (total === 0) return '共 0 项。';
  const parts = EXCLUSIVE_STATUSES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]} 项`);
  const overdue = counts['已逾期'] > 0 ? `；其中已逾期 ${counts['已逾期']} 项` : '';
  return `共 ${total} 项：${parts.join('，')}${overdue}。`;
}
