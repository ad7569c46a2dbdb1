// Stacked status bars, one row per department or per reporting period, as an HTML string: each row
// is an HTML caption (wraps on a phone and grows with 大字号, where text inside an SVG would not)
// above a server-rendered SVG bar. Bar positions are percentages, so the bar follows the width.
// The caption carries the counts in words for screen readers; the SVG itself is decoration for them.
// Colours come from CSS classes (.seg.st-<slug>, see status-colors.ts) so 高对比度 mode and print
// restyle them; the fill attribute is a fallback for viewers without the page's CSS.
import { STATUS } from '../../domain/status-catalogue';
import type { StatusCounts } from '../../domain/types';
import { palette, statusSlug } from '../../portal/palette';
import { describeCounts, totalOf } from './counts';
import { EXCLUSIVE_STATUSES } from '../../domain/status-catalogue';
import { escapeXml } from '../../portal/escape';
import { pct, safeId } from './svg';

export interface BarRow {
  label: string;
  counts: StatusCounts;
}

export interface StackedBarsOptions {
  /** Unique on the page; the id of the chart element. */
  id: string;
  /**
   * 'count': bar length ∝ number of tasks (longest row = full width), for comparing departments.
   * 'share': every bar full width, segments are shares, for comparing periods of one task list.
   */
  scale: 'count' | 'share';
  /** Word after each row's total, e.g. "项". */
  unit?: string;
}

const BAR_HEIGHT = 22;

/** Row caption: "阿里地区林业局　12 项（已逾期 2）". */
export function rowCaption(row: BarRow, unit = '项'): string {
  const total = totalOf(row.counts);
  const overdue = row.counts[STATUS.overdue] > 0 ? `（已逾期 ${row.counts[STATUS.overdue]}）` : '';
  return `${row.label}　${total} ${unit}${overdue}`;
}

/** One bar as SVG: segments in status order; 已逾期 is never a segment (it would count tasks twice). */
export function barSvg(counts: StatusCounts, span: number): string {
  const total = totalOf(counts);
  let at = 0;
  const segments: string[] = [];
  for (const s of EXCLUSIVE_STATUSES) {
    const n = counts[s] ?? 0;
    if (n === 0 || total === 0) continue;
    const w = (n / total) * span;
    const sw = palette[s];
    segments.push(
      `<rect class="seg st-${statusSlug(s)}" x="${pct(at)}" y="1" width="${pct(w)}" height="${BAR_HEIGHT - 2}" ` +
        `fill="${sw.bg}" stroke="${sw.border ?? sw.bg}"><title>${escapeXml(`${s} ${n}`)}</title></rect>`,
    );
    at += w;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="bar" width="100%" height="${BAR_HEIGHT}" aria-hidden="true" focusable="false">` +
    `<rect class="track" x="0" y="1" width="100%" height="${BAR_HEIGHT - 2}" fill="#e5e7eb"/>` +
    segments.join('') +
    `</svg>`
  );
}

export function stackedBars(rows: BarRow[], options: StackedBarsOptions): string {
  const unit = options.unit ?? '项';
  const max = Math.max(1, ...rows.map((r) => totalOf(r.counts)));
  if (rows.length === 0) return `<div class="bars" id="${safeId(options.id)}"><p>没有数据。</p></div>`;
  const body = rows.map((row) => {
    const span = options.scale === 'share' ? 1 : totalOf(row.counts) / max;
    return (
      `<div class="bar-row">` +
      `<p class="bar-label">${escapeXml(rowCaption(row, unit))}<span class="sr-only">：${escapeXml(describeCounts(row.counts))}</span></p>` +
      barSvg(row.counts, span) +
      `</div>`
    );
  });
  return `<div class="bars" id="${safeId(options.id)}">${body.join('')}</div>`;
}
