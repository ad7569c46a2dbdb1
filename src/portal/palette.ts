// The one palette of status colours, from the status catalogue (src/domain/status-catalogue.ts). Pages
// get it as CSS custom properties (statusCss, injected by src/layouts/Base.astro); social cards and PDF
// reports take the hex values from here, so a status looks the same everywhere.
import { ALL_STATUSES, statusTable, type Status, type StatusSwatch } from '../domain/status-catalogue';

export type { StatusSwatch } from '../domain/status-catalogue';

/** Page colours the palettes are checked against. */
export const PAGE_BG = '#ffffff';
export const PAGE_FG = '#1a1a1a';
export const HC_PAGE_BG = '#000000';
export const HC_PAGE_FG = '#ffffff';

/** On the ordinary white page. */
export const palette: Record<Status, StatusSwatch> = statusTable((e) => e.colours);

/** 高对比度 mode: black page, light fills with black text. */
export const highContrastPalette: Record<Status, StatusSwatch> = statusTable((e) => e.highContrast);

/** ASCII names for CSS classes and custom properties. */
export const STATUS_SLUGS: Record<Status, string> = statusTable((e) => e.slug);

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
