// The card template (template.ts): titles wrap inside their box, nothing is drawn in the margins, numbers
// shrink rather than vanish, and facts give way to a long title.
import { describe, expect, it } from 'vitest';
import { cardsForPortal } from '../../../src/outputs/cards/card-model.ts';
import { templateContext } from '../../../src/outputs/cards/render.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardTree,
  factValueSize,
  fitFactValue,
  layoutTitle,
  shownFacts,
  type Element,
} from '../../../src/outputs/cards/template.ts';
import { byPath, extremeCounts, extremeDepartment, LONG_TITLE, longTask, makePortal, rasterize, site, treeTexts } from './helpers.ts';

describe('render', () => {
  it('a very long Chinese title wraps inside its box, at a legible size, with an ellipsis', () => {
    const ctx = templateContext();
    const spec = longTask();
    const t = layoutTitle(spec, ctx);
    expect(t.truncated).toBe(true);
    expect(t.fontSize).toBeGreaterThanOrEqual(40);
    expect(t.lines.length).toBeGreaterThanOrEqual(3);
    expect(t.lines.length * t.fontSize * t.lineHeight).toBeLessThanOrEqual(t.maxHeight);
    for (const line of t.lines) expect(ctx.measure.bold(line, t.fontSize)).toBeLessThanOrEqual(t.maxWidth);
    expect(t.lines.at(-1)!.endsWith('…')).toBe(true);
    expect(LONG_TITLE.startsWith(t.lines.join('').slice(0, -1))).toBe(true);
  });

  it.each([
    ['a task with a very long title, subtitle and unit list', longTask],
    ['a region with huge numbers and long fact lists', extremeCounts],
    ['a department with a long name and reform note', extremeDepartment],
  ])(
    'nothing is drawn in the right and bottom margins: %s',
    async (_name, make) => {
      const img = await rasterize(make());
      let ink = 0;
      // Right margin: 56 px of padding; the last 50 must stay white on every row.
      for (let y = 0; y < CARD_HEIGHT; y++) for (let x = CARD_WIDTH - 50; x < CARD_WIDTH; x++) if (img.at(x, y).some((c) => c < 250)) ink++;
      // Bottom margin: 36 px; the last 30 rows stay white right of the accent bar.
      for (let y = CARD_HEIGHT - 30; y < CARD_HEIGHT; y++)
        for (let x = 20; x < CARD_WIDTH; x++) if (img.at(x, y).some((c) => c < 250)) ink++;
      expect(ink).toBe(0);
      // And the title really is drawn: dark pixels in the title band.
      let title = 0;
      for (let y = 110; y < 200; y++) for (let x = 70; x < 1100; x++) if (img.at(x, y).every((c) => c < 80)) title++;
      expect(title).toBeGreaterThan(1000);
    },
    30_000,
  );

  it('huge numbers shrink the headline numbers instead of dropping them', () => {
    const ctx = templateContext();
    const texts = treeTexts(cardTree(extremeCounts(), ctx));
    for (const n of ['99999', '1234567', '7654321', '55555']) expect(texts).toContain(n);
  });

  it('an aggregate card draws a third fact only where the title does not need the room', () => {
    const ctx = templateContext();
    const region = byPath(cardsForPortal(makePortal(), site)).get('/regions/540000/')!;
    const facts = [
      { label: '下级地区', values: ['阿里地区'] },
      { label: '文件', values: ['《甲》'] },
      { label: '本级部门', values: ['乙局'] },
    ];
    const short = { ...region, facts };
    expect(shownFacts(short, ctx)).toBe(3);
    expect(treeTexts(cardTree(short, ctx))).toContain('乙局');
    const long = { ...short, title: LONG_TITLE };
    expect(shownFacts(long, ctx)).toBe(2);
    expect(treeTexts(cardTree(long, ctx))).not.toContain('乙局');
    const t = layoutTitle(long, ctx);
    expect(t.lines.length * t.fontSize * t.lineHeight).toBeLessThanOrEqual(t.maxHeight);
  });

  it('aggregate fact values shrink a little, all together, rather than cut a title; task facts do not', () => {
    const ctx = templateContext();
    const title = '《阿里地区贯彻实施《美丽西藏建设规划纲要(2014-2030年)》分工方案》';
    const facts = [
      { label: '文件', values: [title] },
      { label: '本级部门', values: ['甲局', '乙局'] },
    ];
    const size = factValueSize(facts, true, ctx);
    expect(size).toBeLessThan(30);
    expect(size).toBeGreaterThanOrEqual(26);
    expect(fitFactValue([title], '、', size, ctx)).toBe(title);
    // Both rows are drawn at that one size.
    const region = byPath(cardsForPortal(makePortal(), site)).get('/regions/542500/')!;
    const sizes = (node: Element | string): number[] =>
      typeof node === 'string'
        ? []
        : [
            ...(node.props.children === '甲局、乙局' || node.props.children === title ? [Number(node.props.style?.fontSize)] : []),
            ...[node.props.children ?? []].flat().flatMap(sizes),
          ];
    expect(sizes(cardTree({ ...region, facts }, ctx))).toEqual([size, size]);
    // A task card keeps 30 px and cuts.
    expect(factValueSize(facts, false, ctx)).toBe(30);
    expect(fitFactValue([title], '、', 30, ctx).endsWith('…》')).toBe(true);
  });
});
