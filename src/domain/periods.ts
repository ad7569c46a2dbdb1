// 报告期: reporting periods. One id format everywhere (file names, URLs, data): "2019", "2019-Q3", "2019-07".
import { daysInMonth } from './dates';
import type { DocumentMeta, Period } from './types';

export { daysInMonth, isRealDate } from './dates';

const QUARTER_NAMES = ['一', '二', '三', '四'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Parses a period id; throws on anything that is not a year, a quarter or a month. */
export function parsePeriod(id: string): Period {
  const year = /^(\d{4})$/.exec(id);
  if (year) {
    const y = year[1];
    return { id, kind: 'year', start: `${y}-01-01`, end: `${y}-12-31`, label: `${y}年` };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    const firstMonth = (q - 1) * 3 + 1;
    const lastMonth = firstMonth + 2;
    return {
      id,
      kind: 'quarter',
      start: `${quarter[1]}-${pad(firstMonth)}-01`,
      end: `${quarter[1]}-${pad(lastMonth)}-${pad(daysInMonth(y, lastMonth))}`,
      label: `${quarter[1]}年第${QUARTER_NAMES[q - 1]}季度`,
    };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    return {
      id,
      kind: 'month',
      start: `${month[1]}-${month[2]}-01`,
      end: `${month[1]}-${month[2]}-${pad(daysInMonth(y, mo))}`,
      label: `${month[1]}年${mo}月`,
    };
  }
  throw new Error(`not a reporting period: "${id}"; expected a year (2019), a quarter (2019-Q3) or a month (2019-07)`);
}

/** True when the string is a valid period id. */
export function isPeriodId(id: string): boolean {
  try {
    parsePeriod(id);
    return true;
  } catch {
    return false;
  }
}

/** Oldest first; a longer period before a shorter one that starts the same day (2019 before 2019-Q1). */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The period kind a plan's reporting cadence asks for. */
export function periodKindFor(reporting: DocumentMeta['reporting']): Period['kind'] {
  return reporting === 'annual' ? 'year' : reporting === 'quarterly' ? 'quarter' : 'month';
}

/** An example id of a kind, for error messages. */
export function examplePeriodId(kind: Period['kind'], year = 2019): string {
  return kind === 'year' ? String(year) : kind === 'quarter' ? `${year}-Q3` : `${year}-07`;
}

/** The period of a kind that contains a date (YYYY-MM-DD). */
export function periodContaining(date: string, kind: Period['kind']): Period {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  if (kind === 'year') return parsePeriod(y);
  if (kind === 'quarter') return parsePeriod(`${y}-Q${Math.floor((mo - 1) / 3) + 1}`);
  return parsePeriod(`${y}-${pad(mo)}`);
}

/** The period of the same kind right after this one. */
export function nextPeriod(p: Period): Period {
  const next = new Date(`${p.end}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return periodContaining(next.toISOString().slice(0, 10), p.kind);
}

/** Every period of the kind of `first` from `first` to `last`, both included. */
export function periodsBetween(first: Period, last: Period): Period[] {
  if (first.kind !== last.kind) throw new Error(`periods of different kinds: ${first.id} and ${last.id}`);
  const out: Period[] = [];
  for (let p = first; p.start <= last.start; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * The last period a document's timeline shows, as of the build date: the reporting period that
 * contains it, so that periods without reports show 未报告 however long a plan has been silent. A plan
 * that has ended (its span is over and its last deadline has passed) stops one period after its end,
 * or at the build date's period if that is earlier: there is nothing more to report on it.
 */
export function timelineEnd(
  meta: Pick<DocumentMeta, 'reporting' | 'span'>,
  asOf: string,
  lastDeadline: string | null,
): Period {
  const kind = periodKindFor(meta.reporting);
  const now = periodContaining(asOf, kind);
  const ended = meta.span.end < asOf && (lastDeadline === null || lastDeadline < asOf);
  if (!ended) return now;
  const afterEnd = nextPeriod(periodContaining(meta.span.end, kind));
  return comparePeriods(afterEnd, now) < 0 ? afterEnd : now;
}

/**
 * The periods a document's timeline shows: from its first reported period to `end` (see timelineEnd),
 * gaps included, because a period with no report at all is exactly what 未报告 must make visible. A
 * document with no report shows `end` alone. Without `end`, the timeline stops at the last reported
 * period. Periods of another kind than the most common one are kept as they are (the loader rejects
 * them anyway).
 */
export function timelinePeriods(reported: Period[], end: Period | null = null): Period[] {
  const unique = new Map(reported.map((p) => [p.id, p]));
  const sorted = [...unique.values()].sort(comparePeriods);
  if (sorted.length === 0) return end ? [end] : [];
  const kinds = new Set(sorted.map((p) => p.kind));
  if (kinds.size > 1 || (end && end.kind !== sorted[0].kind)) return sorted;
  const last = end && comparePeriods(end, sorted[sorted.length - 1]) > 0 ? end : sorted[sorted.length - 1];
  return periodsBetween(sorted[0], last);
}

/** True when the period shares at least one day with the span (a plan issued in September reports for its whole first year). */
export function periodOverlaps(p: Period, span: { start: string; end: string }): boolean {
  return p.end >= span.start && p.start <= span.end;
}
