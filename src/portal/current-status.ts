// What a status slot shows, the same in pages, cards, search, data files and reports: a period's status,
// or 未报告 where the task has no period (its document has no report yet).
import { STATUS, type Status } from '../domain/status-catalogue';
import type { Period, StatusAt, StatusReport } from '../domain/types';
import type { TaskView } from './types';

export interface ShownStatus {
  status: Status;
  overdue: boolean;
  /** The period it is for; null when the document has no period yet. */
  period: Period | null;
  report: StatusReport | null;
}

const NONE: ShownStatus = { status: STATUS.unreported, overdue: false, period: null, report: null };

/** A period's status as shown: 未报告, not overdue, where there is none. */
export function shownStatus(at: StatusAt | null): ShownStatus {
  return at ? { status: at.status, overdue: at.overdue, period: at.period, report: at.report } : NONE;
}

/** A task's status now: its document's latest period. */
export const statusNow = (view: Pick<TaskView, 'current'>): ShownStatus => shownStatus(view.current);

/** Whether a shown status is demonstration data: its report says so, or (未报告) the task's data set is demo. */
export function isDemoStatus(at: Pick<StatusAt, 'report'> | null, view: Pick<TaskView, 'demo'>): boolean {
  return at?.report ? at.report.source === 'demo' : view.demo;
}
