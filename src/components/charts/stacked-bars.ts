// Horizontal stacked status bars as an SVG string, one row per department or per reporting period.
// Positions are percentages of the SVG's width and text is in CSS pixels, so the chart reflows to a
// phone's width without shrinking its words (a viewBox would scale the text down to nothing).
// Colours come from CSS classes (.seg.st-<slug>, see status-colors.ts) so 高对比度 mode and print
// restyle them; the fill attribute is a fallback for viewers without the page's CSS.
import type { StatusCounts } from '../../model/portal-types';
import { palette, statusSlug } from '../status-colors';
import { EXCLUSIVE_STATUSES, describeCounts, totalOf } from './counts';
import { escapeXml, pct, safeId } from './svg';

export interface BarRow {
  label: string;
  counts: StatusCounts;
}

export interface StackedBarsOptions {
  /** Unique on the page; used for the ids of <title> and <desc>. */
  id: string;
  /** Accessible name, e.g. "各部门牵头任务状态". */
  title: string;
  /**
   * 'count': bar length ∝ number of tasks (longest row = full width), for comparing departments.
   * 'share': every bar full width, segments are shares, for comparing periods of one task list.
   */
  scale: 'count' | 'share';
  /** Words added to each row's label after the total, e.g. "项任务". */
  unit?: string;
}

const ROW_HEIGHT = 56; // label line (≈24px) + bar (22px) + gap
const LABEL_BASELINE = 20;
const BAR_Y = 28;
const BAR_HEIGHT = 20;

/** Row label: "阿里地区林业局　12 项（已逾期 2）". */
export function rowCaption(row: BarRow, unit = '项'): string {
  const total = totalOf(row.counts);
  const overdue = row.counts['已逾期'] > 0 ? `（已逾期 ${row.counts['已逾期']}）` : '';
  return `${row.label}　${total} ${unit}${overdue}`;
}

export function stackedBars(rows: BarRow[], options: StackedBarsOptions): string {
  const id = safeId(options.id);
  const unit = options.unit ?? '项';
  const max = Math.max(1, ...rows.map((r) => totalOf(r.counts)));
  const height = Math.max(1, rows.length) * ROW_HEIGHT;
  const desc = rows.length === 0 ? '没有数据。' : rows.map((r) => `${r.label}：${describeCounts(r.counts)}`).join(' ');

  const body = rows.map((row, i) => {
    const y = i * ROW_HEIGHT;
    const total = totalOf(row.counts);
    const span = options.scale === 'share' ? 1 : total / max;
    let at = 0;
    const segments: string[] = [];
    for (const s of EXCLUSIVE_STATUSES) {
      const n = row.counts[s] ?? 0;
      if (n === 0 || total === 0) continue;
      const w = (n / total) * span;
      const sw = palette[s];
      segments.push(
        `<rect class="seg st-${statusSlug(s)}" x="${pct(at)}" y="${y + BAR_Y}" width="${pct(w)}" height="${BAR_HEIGHT}" ` +
          `fill="${sw.bg}" stroke="${sw.border ?? sw.bg}"><title>${escapeXml(`${s} ${n}`)}</title></rect>`,
      );
      at += w;
    }
    return (
      `<g class="row">` +
      `<text x="0" y="${y + LABEL_BASELINE}" fill="currentColor">${escapeXml(rowCaption(row, unit))}</text>` +
      `<rect class="track" x="0" y="${y + BAR_Y}" width="100%" height="${BAR_HEIGHT}" fill="none"/>` +
      segments.join('') +
      `</g>`
    );
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart stacked-bars" width="100%" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-size="16">` +
    `<title id="${id}-title">${escapeXml(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    body.join('') +
    `</svg>`
  );
}
