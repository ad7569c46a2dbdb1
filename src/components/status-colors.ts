// The one palette of status colours. Pages get it as CSS custom properties (statusCss, injected by
// src/layouts/Base.astro), social cards and PDF reports import the hex values from here, so a status
// looks the same everywhere. Meaning: grey = not started, amber = behind, blue/teal = on or ahead of
// schedule, green = done (dark green = verified closed), purple = standing, dashed = no report,
// red = overdue. Colour is never the only signal: every badge and chart carries the status word.
//
// Rules (checked by tests/components/status-colors.test.ts):
//   text (fg on bg) ≥ 4.5:1; the visible edge (border, else bg) against the page ≥ 3:1 (WCAG 1.4.11).
import { ALL_STATUSES } from '../model/derive-status';
import type { Status } from '../model/types';

export interface StatusSwatch {
  /** Fill of the badge / bar segment. */
  bg: string;
  /** Text on that fill. */
  fg: string;
  /** Outline where the fill alone is too light to see against the page (未报告). */
  border?: string;
  /** Dashed outline: 未报告 is an absence, drawn as one. */
  dashed?: boolean;
}

/** Page colours the palettes are checked against. */
export const PAGE_BG = '#ffffff';
export const PAGE_FG = '#1a1a1a';
export const HC_PAGE_BG = '#000000';
export const HC_PAGE_FG = '#ffffff';

/** On the ordinary white page. */
export const palette: Record<Status, StatusSwatch> = {
  尚未启动: { bg: '#4b5563', fg: '#ffffff' },
  未达到序时进度: { bg: '#b45309', fg: '#ffffff' },
  达到序时进度: { bg: '#1d4ed8', fg: '#ffffff' },
  超过序时进度: { bg: '#0f766e', fg: '#ffffff' },
  已完成: { bg: '#15803d', fg: '#ffffff' },
  已销号: { bg: '#14532d', fg: '#ffffff' },
  长期坚持: { bg: '#6d28d9', fg: '#ffffff' },
  未报告: { bg: '#f1f5f9', fg: '#334155', border: '#64748b', dashed: true },
  已逾期: { bg: '#b91c1c', fg: '#ffffff' },
};

/** 高对比度 mode: black page, light fills with black text. */
export const highContrastPalette: Record<Status, StatusSwatch> = {
  尚未启动: { bg: '#d1d5db', fg: '#000000' },
  未达到序时进度: { bg: '#fcd34d', fg: '#000000' },
  达到序时进度: { bg: '#93c5fd', fg: '#000000' },
  超过序时进度: { bg: '#5eead4', fg: '#000000' },
  已完成: { bg: '#86efac', fg: '#000000' },
  已销号: { bg: '#ffffff', fg: '#000000' },
  长期坚持: { bg: '#d8b4fe', fg: '#000000' },
  未报告: { bg: '#000000', fg: '#ffffff', border: '#ffffff', dashed: true },
  已逾期: { bg: '#fca5a5', fg: '#000000' },
};

/** ASCII names for CSS classes and custom properties. */
export const STATUS_SLUGS: Record<Status, string> = {
  尚未启动: 'not-started',
  未达到序时进度: 'behind',
  达到序时进度: 'on-track',
  超过序时进度: 'ahead',
  已完成: 'done',
  已销号: 'closed',
  长期坚持: 'standing',
  未报告: 'unreported',
  已逾期: 'overdue',
};

export const statusSlug = (s: Status): string => STATUS_SLUGS[s];

function vars(p: Record<Status, StatusSwatch>): string {
  return ALL_STATUSES.map((s) => {
    const w = p[s];
    const slug = STATUS_SLUGS[s];
    return `--st-${slug}-bg:${w.bg};--st-${slug}-fg:${w.fg};--st-${slug}-edge:${w.border ?? w.bg};`;
  }).join('');
}

/**
 * The palette as CSS: custom properties for both modes (html.hc switches), and the classes badges
 * (.badge.st-<slug>) and chart shapes (.seg.st-<slug>) use.
 */
export function statusCss(): string {
  const rules = ALL_STATUSES.map((s) => {
    const slug = STATUS_SLUGS[s];
    const style = palette[s].dashed ? 'dashed' : 'solid';
    return (
      `.badge.st-${slug}{background:var(--st-${slug}-bg);color:var(--st-${slug}-fg);border:2px ${style} var(--st-${slug}-edge)}` +
      `.seg.st-${slug}{fill:var(--st-${slug}-bg);stroke:var(--st-${slug}-edge)}` +
      `.swatch.st-${slug}{background:var(--st-${slug}-bg);border:2px ${style} var(--st-${slug}-edge)}`
    );
  });
  return `:root{${vars(palette)}}html.hc{${vars(highContrastPalette)}}${rules.join('')}`;
}
