// Status counts in words: the text alternative of every chart, and the summaries next to tables.
// 已逾期 is a flag on top of the other statuses: charts stack EXCLUSIVE_STATUSES and mention it apart.
import { EXCLUSIVE_STATUSES, STATUS } from '../../domain/status-catalogue';
import type { StatusCounts } from '../../domain/types';

/** Tasks counted once each: the sum of the exclusive statuses. */
export function totalOf(counts: StatusCounts): number {
  return EXCLUSIVE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** "共 12 项：达到序时进度 5 项，未报告 7 项；其中已逾期 2 项。" Zero counts are left out. */
export function describeCounts(counts: StatusCounts): string {
  const total = totalOf(counts);
  if (total === 0) return '共 0 项。';
  const parts = EXCLUSIVE_STATUSES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]} 项`);
  const overdue = counts[STATUS.overdue] > 0 ? `；其中已逾期 ${counts[STATUS.overdue]} 项` : '';
  return `共 ${total} 项：${parts.join('，')}${overdue}。`;
}
