// The card's picture: a CardSpec laid out as a satori element tree ({type, props} objects, no JSX).
// Every line of text is measured and decided here; satori only draws it. Boxes are content-box in
// satori, so every sized box with padding or border sets box-sizing: border-box.
import { STATUS } from '../../domain/status-catalogue';
import type { Status } from '../../domain/types.ts';
import type { CardSpec } from './card-model.ts';
import { DEMO_LABEL } from '../../portal/labels.ts';
import type { StatusSwatch } from './status-palette.ts';
import { ellipsize, fitList, fitText, type Measure } from './text-layout.ts';

/** Bump when the look changes in a way the source hash of this folder would not catch. */
export const TEMPLATE_REVISION = 2;

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
/** The card's ground, also resvg's background (rendererOptions in render.ts), so that every pixel is opaque. */
export const PAPER = '#ffffff';

const el = (type: string, style: Record<string, string | number>, children?: Element['props']['children']): Element => ({
  type,
  props: children === undefined ? { style } : { style, children },
});
const row = (style: Record<string, string | number>, children: Element['props']['children']) =>
  el('div', { display: 'flex', flexDirection: 'row', alignItems: 'center', ...style }, children);
/** Full-width opening brackets draw in the right half of their em: at the start of a line they hang half an em into the margin. */
const OPENING_BRACKET = /^[（《「『【〔〈]/u;
const text = (value: string, style: Record<string, string | number>) => {
  const hang: Record<string, number> =
    OPENING_BRACKET.test(value) && typeof style.fontSize === 'number'
      ? { marginLeft: Number(style.marginLeft ?? 0) - style.fontSize / 2 }
      : {};
  return el('div', { display: 'flex', whiteSpace: 'nowrap', ...style, ...hang }, value);
};

const FACT_LABEL_W = 150;
const FACT_ROW_H = 46;
const STATUS_ROW_H = 60;
const STATS_H = 96;
/** Between the headline numbers and the fact lines of an aggregate card: a hairline, centred. */
const RULE_GAP = 24;
const RULE = '#e2e8f0';

/** Task cards end with their status; every other card with headline numbers and facts, never status. */
const showsStatus = (spec: CardSpec) => spec.kind === 'task' && spec.status !== undefined;

/** Fact lines an aggregate card always draws when it has them; any beyond only when the title does not need the room. */
const BASE_FACTS = 2;

function bottomHeight(spec: CardSpec, facts = spec.facts.length): number {
  if (showsStatus(spec)) return facts * FACT_ROW_H + 14 + STATUS_ROW_H;
  return STATS_H + (facts ? RULE_GAP + facts * FACT_ROW_H : 0);
}

/** Title box height for a spec drawing `facts` fact lines: the card minus everything else. */
export function titleBoxHeight(spec: CardSpec, facts = spec.facts.length): number {
  return (
    CARD_HEIGHT -
    PAD_TOP -
    HEADER_H -
    GAP -
    (spec.subtitle ? SUBTITLE_H : 0) -
    MIN_SPACER -
    bottomHeight(spec, facts) -
    GAP -
    FOOTER_H -
    PAD_BOTTOM
  );
}

function fitTitle(spec: CardSpec, ctx: TemplateContext, facts: number) {
  const maxHeight = titleBoxHeight(spec, facts);
  const fitted = fitText(spec.title, {
    sizes: TITLE_SIZES,
    maxWidth: INNER_W * SAFETY,
    maxHeight,
    lineHeight: TITLE_LINE_HEIGHT,
    measure: ctx.measure.bold,
  });
  return { ...fitted, maxWidth: INNER_W * SAFETY, maxHeight, lineHeight: TITLE_LINE_HEIGHT };
}

/**
 * How many of its facts a card draws: a task all (two); an aggregate card its first two, and all of
 * them where the title keeps its size and lines with the extra rows (short names leave that room).
 */
export function shownFacts(spec: CardSpec, ctx: TemplateContext): number {
  const all = spec.facts.length;
  if (showsStatus(spec) || all <= BASE_FACTS) return all;
  const base = fitTitle(spec, ctx, BASE_FACTS);
  const more = fitTitle(spec, ctx, all);
  return !more.truncated && more.fontSize === base.fontSize && more.lines.length === base.lines.length ? all : BASE_FACTS;
}

/** Title lines and size: exported for the tests, which check that they stay inside the box. */
export function layoutTitle(spec: CardSpec, ctx: TemplateContext) {
  return fitTitle(spec, ctx, shownFacts(spec, ctx));
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

const FACT_VALUE_SIZE = 30;
/** Aggregate cards: values that are whole at one of these smaller sizes are drawn so rather than cut. */
const FACT_SHRINK_SIZES = [28, 26];
const FACT_VALUE_W = (INNER_W - FACT_LABEL_W) * SAFETY;
const separatorOf = (label: string) => (label === '完成时限' ? '；' : '、');

/**
 * One size for all fact values of a card: 30 px; on aggregate cards, the size (down to 26 px) at which
 * every value that can be whole is whole (a long document title, seven sub-regions). Values too long
 * even then are cut at that size; the rows share it so they read as one block.
 */
export function factValueSize(facts: CardSpec['facts'], shrink: boolean, ctx: TemplateContext): number {
  let size = FACT_VALUE_SIZE;
  if (!shrink) return size;
  for (const f of facts) {
    const all = f.values.join(separatorOf(f.label));
    if (ctx.measure.bold(all, size) <= FACT_VALUE_W) continue;
    const whole = FACT_SHRINK_SIZES.find((s) => s < size && ctx.measure.bold(all, s) <= FACT_VALUE_W);
    if (whole !== undefined) size = whole;
  }
  return size;
}

/** A fact's value on one line at `size`: every item if they fit, else as many as fit, then 等N项. */
export function fitFactValue(values: readonly string[], separator: string, size: number, ctx: TemplateContext): string {
  return fitList(values, separator, size, FACT_VALUE_W, ctx.measure.bold);
}

/** Label/value lines, one per fact. */
function factRows(spec: CardSpec, ctx: TemplateContext): Element[] {
  const size = factValueSize(spec.facts, !showsStatus(spec), ctx);
  return spec.facts.map((f) =>
    row({ height: FACT_ROW_H }, [
      text(f.label, { width: FACT_LABEL_W, fontSize: 24, color: FAINT }),
      text(fitFactValue(f.values, separatorOf(f.label), size, ctx), { fontSize: size, fontWeight: 700, color: INK }),
    ]),
  );
}

function taskBottom(spec: CardSpec, ctx: TemplateContext): Element[] {
  const facts = factRows(spec, ctx);
  const status = spec.status!;
  const statusRow: (Element | string)[] = [badge(status.status, ctx.palette[status.status], 30)];
  if (status.overdue)
    statusRow.push(el('div', { display: 'flex', marginLeft: 14 }, [badge(STATUS.overdue, ctx.palette[STATUS.overdue], 30)]));
  if (status.period)
    statusRow.push(
      text(ellipsize(`报告期：${status.period}`, 24, 420, ctx.measure.regular), { marginLeft: 20, fontSize: 24, color: MUTED }),
    );
  return [...facts, row({ height: STATUS_ROW_H, marginTop: 14 }, statusRow)];
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
 * smallest size with items dropped from the end (they are listed most important first).
 */
export function fitStats(items: readonly StatItem[], ctx: TemplateContext, width = INNER_W * SAFETY) {
  const total = (list: readonly StatItem[], size: number) =>
    list.reduce((w, item, i) => w + statWidth(item, size, ctx) + (i > 0 ? STAT_GAP : 0), 0);
  for (const size of STAT_SIZES) if (total(items, size) <= width) return { size, items: [...items] };
  const size = STAT_SIZES[STAT_SIZES.length - 1];
  const kept = [...items];
  while (kept.length > 1 && total(kept, size) > width) kept.pop();
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

/** Home, documents, departments, regions: headline numbers, a hairline, then the facts. No status. */
function aggregateBottom(spec: CardSpec, ctx: TemplateContext): Element[] {
  const items: StatItem[] = (spec.stats ?? []).map((s) => ({ count: String(s.count), unit: s.unit, label: s.label, color: INK }));
  const fitted = fitStats(items, ctx);
  const out: Element[] = [
    row(
      { height: STATS_H, alignItems: 'flex-start' },
      fitted.items.map((item, i) => stat(item, fitted.size, i === fitted.items.length - 1)),
    ),
  ];
  if (spec.facts.length) {
    out.push(
      el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', height: RULE_GAP }, [
        el('div', { display: 'flex', width: INNER_W, height: 2, backgroundColor: RULE }),
      ]),
      ...factRows(spec, ctx),
    );
  }
  return out;
}

/** The satori element tree of one card. */
export function cardTree(full: CardSpec, ctx: TemplateContext): Element {
  const spec: CardSpec = { ...full, facts: full.facts.slice(0, shownFacts(full, ctx)) };
  const title = fitTitle(spec, ctx, spec.facts.length);
  const accentSwatch = spec.status ? ctx.palette[spec.status.overdue ? STATUS.overdue : spec.status.status] : null;
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
      text(line, {
        fontSize: title.fontSize,
        fontWeight: 700,
        lineHeight: TITLE_LINE_HEIGHT,
        color: INK,
        height: title.fontSize * TITLE_LINE_HEIGHT,
      }),
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
  const bottom = showsStatus(spec) ? taskBottom(spec, ctx) : aggregateBottom(spec, ctx);
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
