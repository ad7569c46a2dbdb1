// The card's picture: a CardSpec laid out as a satori element tree ({type, props} objects, no JSX).
// Every line of text is measured and decided here; satori only draws it. Boxes are content-box in
// satori, so every sized box with padding or border sets box-sizing: border-box.
import type { Status } from '../../model/types.ts';
import { DEMO_LABEL, type CardCount, type CardSpec } from './card-model.ts';
import type { StatusSwatch } from './status-palette.ts';
import { ellipsize, fitList, fitText, type Measure } from './text-layout.ts';

/** Bump when the look changes in a way the source hash of this folder would not catch. */
export const TEMPLATE_REVISION = 1;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface Element {
  type: string;
  props: { style?: Record<string, string | number>; children?: Element | string | (Element | string)[] };
}

export interface TemplateContext {
  /** Regular (400) and bold (700) measures, from the fonts satori draws with. */
  measure: { regular: Measure; bold: Measure };
  palette: Record<Status, StatusSwatch>;
  fontFamily: string;
}

// Geometry, px. A title gets whatever height the rest leaves it.
const ACCENT = 14;
const PAD_X = 56;
const PAD_TOP = 44;
const PAD_BOTTOM = 36;
const INNER_W = CARD_WIDTH - ACCENT - 2 * PAD_X;
const HEADER_H = 36;
const GAP = 18;
const SUBTITLE_H = 54;
const FOOTER_H = 36;
const MIN_SPACER = 12;
const TITLE_LINE_HEIGHT = 1.25;
const TITLE_SIZES = [72, 64, 56, 50, 44, 40];
/** Measured widths stay this far inside the box: measurement ignores kerning. */
const SAFETY = 0.98;

const INK = '#0f172a';
const MUTED = '#475569';
const FAINT = '#64748b';
const BRAND = '#0f766e';
const PAPER = '#ffffff';

const el = (type: string, style: Record<string, string | number>, children?: Element['props']['children']): Element => ({
  type,
  props: children === undefined ? { style } : { style, children },
});
const row = (style: Record<string, string | number>, children: Element['props']['children']) =>
  el('div', { display: 'flex', flexDirection: 'row', alignItems: 'center', ...style }, children);
const text = (value: string, style: Record<string, string | number>) => el('div', { display: 'flex', whiteSpace: 'nowrap', ...style }, value);

const FACT_LABEL_W = 150;
const FACT_ROW_H = 46;
const STATUS_ROW_H = 60;
const STATS_H = 96;
const BAR_H = 22;
const LEGEND_ROW_H = 40;
const LEGEND_SIZES = [24, 22, 20];

function bottomHeight(spec: CardSpec): number {
  if (spec.kind === 'task') return spec.facts.length * FACT_ROW_H + 14 + STATUS_ROW_H;
  return STATS_H + 16 + BAR_H + 14 + 2 * LEGEND_ROW_H;
}

/** Title box height for a spec: the card minus everything else. */
export function titleBoxHeight(spec: CardSpec): number {
  return (
    CARD_HEIGHT - PAD_TOP - HEADER_H - GAP - (spec.subtitle ? SUBTITLE_H : 0) - MIN_SPACER - bottomHeight(spec) - GAP - FOOTER_H - PAD_BOTTOM
  );
}

/** Title lines and size: exported for the tests, which check that they stay inside the box. */
export function layoutTitle(spec: CardSpec, ctx: TemplateContext) {
  const maxHeight = titleBoxHeight(spec);
  const fitted = fitText(spec.title, {
    sizes: TITLE_SIZES,
    maxWidth: INNER_W * SAFETY,
    maxHeight,
    lineHeight: TITLE_LINE_HEIGHT,
    measure: ctx.measure.bold,
  });
  return { ...fitted, maxWidth: INNER_W * SAFETY, maxHeight, lineHeight: TITLE_LINE_HEIGHT };
}

/** Integer widths summing to `total`, each non-zero count at least `min` px wide. */
export function barWidths(counts: readonly number[], total: number, min = 8): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map(() => 0);
  const nonZero = counts.filter((c) => c > 0).length;
  const spare = total - nonZero * min;
  const raw = counts.map((c) => (c > 0 ? min + (c / sum) * spare : 0));
  const floored = raw.map(Math.floor);
  let left = total - floored.reduce((a, b) => a + b, 0);
  // Largest remainder: hand out the leftover pixels where rounding took most.
  const order = raw.map((r, i) => ({ i, frac: r - floored[i] })).filter((x) => counts[x.i] > 0).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    floored[i]++;
    left--;
  }
  return floored;
}

/** Fill plus, where the palette asks for one (未报告), a visible edge: dashed for an absence. */
function swatchStyle(swatch: StatusSwatch, borderWidth: number): Record<string, string | number> {
  const style: Record<string, string | number> = { backgroundColor: swatch.bg };
  if (swatch.border) {
    style.border = `${borderWidth}px ${swatch.dashed ? 'dashed' : 'solid'} ${swatch.border}`;
    style.boxSizing = 'border-box';
  }
  return style;
}

function badge(label: string, swatch: StatusSwatch, size: number): Element {
  return text(label, {
    ...swatchStyle(swatch, 3),
    boxSizing: 'border-box',
    color: swatch.fg,
    fontSize: size,
    fontWeight: 700,
    height: Math.round(size * 1.3 + 14),
    alignItems: 'center',
    padding: '0 20px',
    borderRadius: 10,
  });
}

function demoBadge(ctx: TemplateContext): Element {
  return text(DEMO_LABEL, {
    boxSizing: 'border-box',
    color: '#92400e',
    backgroundColor: '#fef3c7',
    border: '2px solid #d97706',
    borderRadius: 8,
    padding: '0 14px',
    height: FOOTER_H,
    alignItems: 'center',
    fontSize: 24,
    fontWeight: 700,
    fontFamily: ctx.fontFamily,
  });
}

function taskBottom(spec: CardSpec, ctx: TemplateContext): Element[] {
  const valueSize = 30;
  const valueW = (INNER_W - FACT_LABEL_W) * SAFETY;
  const facts = spec.facts.map((f) =>
    row({ height: FACT_ROW_H }, [
      text(f.label, { width: FACT_LABEL_W, fontSize: 24, color: FAINT }),
      text(fitList(f.values, f.label === '完成时限' ? '；' : '、', valueSize, valueW, ctx.measure.bold), { fontSize: valueSize, fontWeight: 700, color: INK }),
    ]),
  );
  const status = spec.status!;
  const statusRow: (Element | string)[] = [badge(status.status, ctx.palette[status.status], 30)];
  if (status.overdue) statusRow.push(el('div', { display: 'flex', marginLeft: 14 }, [badge('已逾期', ctx.palette['已逾期'], 30)]));
  if (status.period) statusRow.push(text(ellipsize(`报告期：${status.period}`, 24, 420, ctx.measure.regular), { marginLeft: 20, fontSize: 24, color: MUTED }));
  return [...facts, row({ height: STATUS_ROW_H, marginTop: 14 }, statusRow)];
}

interface LegendItem {
  label: string;
  /** A coloured dot before the label; none for the caption. */
  swatch: StatusSwatch | null;
}

const chipWidth = (item: LegendItem, measure: Measure, fontSize: number) => (item.swatch ? 28 : 0) + measure(item.label, fontSize) + 28;

/** Legend chips packed greedily into at most two rows by measured width; what does not fit is dropped. */
export function packLegend(items: readonly LegendItem[], measure: Measure, fontSize: number, width: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const item of items) {
    const w = chipWidth(item, measure, fontSize);
    if (used + w > width && rows[rows.length - 1].length > 0) {
      if (rows.length === 2) break; // nine statuses and a caption fit two rows at 24px
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(item);
    used += w;
  }
  return rows;
}

export interface StatItem {
  count: string;
  unit: string;
  label: string;
  color: string;
}

const STAT_GAP = 64;
const STAT_SIZES = [56, 48, 40];

const statWidth = (item: StatItem, size: number, ctx: TemplateContext) =>
  Math.max(ctx.measure.bold(item.count, size) + 6 + ctx.measure.regular(item.unit, 24), ctx.measure.regular(item.label, 22));

/**
 * Headline numbers that fit one row: the largest number size at which all fit; failing that, the
 * smallest size with items dropped from the end (when `keepLast`, the overdue figure, last, stays).
 */
export function fitStats(items: readonly StatItem[], keepLast: boolean, ctx: TemplateContext, width = INNER_W * SAFETY) {
  const total = (list: readonly StatItem[], size: number) =>
    list.reduce((w, item, i) => w + statWidth(item, size, ctx) + (i > 0 ? STAT_GAP : 0), 0);
  for (const size of STAT_SIZES) if (total(items, size) <= width) return { size, items: [...items] };
  const size = STAT_SIZES[STAT_SIZES.length - 1];
  const kept = [...items];
  while (kept.length > 1 && total(kept, size) > width) kept.splice(keepLast && kept.length > 1 ? kept.length - 2 : kept.length - 1, 1);
  return { size, items: kept };
}

function stat(item: StatItem, size: number, last: boolean): Element {
  return el('div', { display: 'flex', flexDirection: 'column', marginRight: last ? 0 : STAT_GAP }, [
    row({ alignItems: 'flex-end', height: 62 }, [
      text(item.count, { fontSize: size, fontWeight: 700, color: item.color, lineHeight: 1.1 }),
      text(item.unit, { fontSize: 24, color: MUTED, marginLeft: 6, marginBottom: 8 }),
    ]),
    text(item.label, { fontSize: 22, color: MUTED, height: 34, alignItems: 'center' }),
  ]);
}

function countsBottom(spec: CardSpec, ctx: TemplateContext): Element[] {
  const counts: readonly CardCount[] = spec.counts ?? [];
  const total = spec.total ?? 0;
  const items: StatItem[] = (spec.stats ?? []).map((s) => ({ count: String(s.count), unit: s.unit, label: s.label, color: INK }));
  if (spec.overdue) items.push({ count: String(spec.overdue), unit: '项', label: '已逾期', color: ctx.palette['已逾期'].bg });
  const fitted = fitStats(items, Boolean(spec.overdue), ctx);
  const out: Element[] = [
    row(
      { height: STATS_H, alignItems: 'flex-start' },
      fitted.items.map((item, i) => stat(item, fitted.size, i === fitted.items.length - 1)),
    ),
  ];
  const rest = 16 + BAR_H + 14 + 2 * LEGEND_ROW_H;
  if (total === 0) {
    const what = (spec.countsLabel ?? '任务进展').replace(/进展$/, '');
    out.push(row({ height: rest }, [text(`暂无${what}`, { fontSize: 26, color: FAINT })]));
    return out;
  }
  const widths = barWidths(
    counts.map((c) => c.count),
    INNER_W,
  );
  out.push(
    row(
      { marginTop: 16, height: BAR_H, width: INNER_W },
      // Rounded ends on the first and last segment rather than overflow: hidden (a mask, slow in resvg).
      counts.map((c, i) =>
        el('div', {
          display: 'flex',
          width: widths[i],
          height: BAR_H,
          ...swatchStyle(ctx.palette[c.status], 2),
          ...(i === 0 ? { borderTopLeftRadius: BAR_H / 2, borderBottomLeftRadius: BAR_H / 2 } : {}),
          ...(i === counts.length - 1 ? { borderTopRightRadius: BAR_H / 2, borderBottomRightRadius: BAR_H / 2 } : {}),
        }),
      ),
    ),
  );
  const legendItems: LegendItem[] = [
    ...(spec.countsLabel ? [{ label: `${spec.countsLabel}：`, swatch: null }] : []),
    ...counts.map((c) => ({ label: `${c.status} ${c.count}`, swatch: ctx.palette[c.status] })),
  ];
  // Big counts make wide chips: step the legend size down until everything fits two rows.
  let legendSize = LEGEND_SIZES[0];
  let rows = packLegend(legendItems, ctx.measure.regular, legendSize, INNER_W * SAFETY);
  for (const size of LEGEND_SIZES.slice(1)) {
    if (rows.flat().length === legendItems.length) break;
    legendSize = size;
    rows = packLegend(legendItems, ctx.measure.regular, legendSize, INNER_W * SAFETY);
  }
  out.push(
    el(
      'div',
      { display: 'flex', flexDirection: 'column', marginTop: 14, height: 2 * LEGEND_ROW_H },
      rows.map((r) =>
        row(
          { height: LEGEND_ROW_H },
          r.map((item) =>
            row({ marginRight: 28 }, [
              ...(item.swatch
                ? [el('div', { display: 'flex', width: 18, height: 18, borderRadius: 9, marginRight: 10, ...swatchStyle(item.swatch, 2) })]
                : []),
              text(item.label, { fontSize: legendSize, color: item.swatch ? INK : MUTED }),
            ]),
          ),
        ),
      ),
    ),
  );
  return out;
}

/** The satori element tree of one card. */
export function cardTree(spec: CardSpec, ctx: TemplateContext): Element {
  const title = layoutTitle(spec, ctx);
  const accentSwatch = spec.status ? ctx.palette[spec.status.overdue ? '已逾期' : spec.status.status] : null;
  // A light fill (未报告) would vanish against white: its edge colour stands in.
  const accent = accentSwatch ? (accentSwatch.border ?? accentSwatch.bg) : BRAND;
  const brandW = ctx.measure.bold(spec.siteName, 26);
  const header = row({ height: HEADER_H, justifyContent: 'space-between' }, [
    text(ellipsize(spec.kicker, 24, (INNER_W - brandW - 40) * SAFETY, ctx.measure.regular), { fontSize: 24, color: MUTED }),
    text(spec.siteName, { fontSize: 26, fontWeight: 700, color: BRAND }),
  ]);
  const titleBox = el(
    'div',
    // As tall as its lines, ≤ maxHeight by construction. No overflow: hidden: satori draws that as an
    // SVG mask, which costs resvg a full-size offscreen layer per line.
    { display: 'flex', flexDirection: 'column', marginTop: GAP },
    title.lines.map((line) =>
      text(line, { fontSize: title.fontSize, fontWeight: 700, lineHeight: TITLE_LINE_HEIGHT, color: INK, height: title.fontSize * TITLE_LINE_HEIGHT }),
    ),
  );
  const children: Element[] = [header, titleBox];
  if (spec.subtitle) {
    children.push(
      row({ height: SUBTITLE_H, paddingTop: 14, boxSizing: 'border-box' }, [
        text(ellipsize(spec.subtitle, 26, INNER_W * SAFETY, ctx.measure.regular), { fontSize: 26, color: MUTED }),
      ]),
    );
  }
  children.push(el('div', { display: 'flex', flexGrow: 1, minHeight: MIN_SPACER }));
  const bottom = spec.kind === 'task' && spec.status ? taskBottom(spec, ctx) : countsBottom(spec, ctx);
  children.push(el('div', { display: 'flex', flexDirection: 'column', height: bottomHeight(spec) }, bottom));
  const hostW = (INNER_W - (spec.demo ? ctx.measure.bold(DEMO_LABEL, 24) + 60 : 0)) * SAFETY;
  children.push(
    row({ marginTop: GAP, height: FOOTER_H, justifyContent: 'space-between' }, [
      text(ellipsize(spec.host, 22, hostW, ctx.measure.regular), { fontSize: 22, color: FAINT }),
      ...(spec.demo ? [demoBadge(ctx)] : []),
    ]),
  );
  return row(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alignItems: 'stretch',
      backgroundColor: PAPER,
      fontFamily: ctx.fontFamily,
      color: INK,
    },
    [
      el('div', { display: 'flex', width: ACCENT, height: CARD_HEIGHT, backgroundColor: accent }),
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          boxSizing: 'border-box',
          width: CARD_WIDTH - ACCENT,
          height: CARD_HEIGHT,
          padding: `${PAD_TOP}px ${PAD_X}px ${PAD_BOTTOM}px ${PAD_X}px`,
        },
        children,
      ),
    ],
  );
}
