// Stacked status bars (stacked-bars.ts): scaled by count or share, escaped labels, counts in words for screen readers.
import { describe, expect, it } from 'vitest';
import { rowCaption, stackedBars, type BarRow } from '../../../src/components/charts/stacked-bars';
import { counts, segments } from './helpers';

describe('stackedBars', () => {
  const rows: BarRow[] = [
    { label: '阿里地区林业局', counts: counts({ 已完成: 2, 未报告: 2, 已逾期: 1 }) },
    { label: '地区<环保>局 & "水利"', counts: counts({ 尚未启动: 1, 达到序时进度: 1 }) },
  ];

  it('scales bars by count: the longest row fills the width, segments in status order', () => {
    const svg = stackedBars(rows, { id: 'd', scale: 'count' });
    const segs = segments(svg);
    const row0 = segs.filter((s) => s.row === 0);
    const row1 = segs.filter((s) => s.row === 1);
    expect(row0.map((s) => s.cls)).toEqual(['st-done', 'st-unreported']);
    expect(row0.reduce((a, s) => a + s.w, 0)).toBeCloseTo(1, 3);
    expect(row1.reduce((a, s) => a + s.w, 0)).toBeCloseTo(0.5, 3);
    // Segments abut: each starts where the previous ended.
    expect(row0[1].x).toBeCloseTo(row0[0].x + row0[0].w, 3);
    // 已逾期 is never a segment (it would count the task twice).
    expect(svg).not.toContain('st-overdue');
  });

  it('share scale: every non-empty bar is full width', () => {
    const segs = segments(stackedBars(rows, { id: 'p', scale: 'share' }));
    for (const row of [0, 1]) expect(segs.filter((s) => s.row === row).reduce((a, s) => a + s.w, 0)).toBeCloseTo(1, 3);
  });

  it('escapes labels; captions carry the counts in words, the bars are hidden from screen readers', () => {
    const html = stackedBars(rows, { id: 'x1', scale: 'count' });
    expect(html).not.toContain('<环保>');
    expect(html).toContain('地区&lt;环保&gt;局 &amp; &quot;水利&quot;');
    expect(html).toContain('<div class="bars" id="x1">');
    expect(html).toContain('<span class="sr-only">：共 4 项：已完成 2 项，未报告 2 项；其中已逾期 1 项。</span>');
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(2);
    for (const s of svgs) expect(s).toContain('aria-hidden="true"');
  });

  it('captions rows with the total and the overdue count', () => {
    expect(rowCaption(rows[0])).toBe('阿里地区林业局　4 项（已逾期 1）');
    expect(rowCaption(rows[1], '项任务')).toBe('地区<环保>局 & "水利"　2 项任务');
  });

  it('draws an empty chart without dividing by zero', () => {
    const svg = stackedBars([{ label: '空', counts: counts({}) }], { id: 'e', scale: 'share' });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(segments(svg)).toEqual([]);
    expect(stackedBars([], { id: 'e', scale: 'count' })).toContain('没有数据。');
  });

  it('is well-formed XML', async () => {
    const svg = stackedBars(rows, { id: 'w', scale: 'count' });
    // Balanced tags: a cheap check that no label broke out of its element.
    const opens = (svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
    const closes = (svg.match(/<\/[a-z]+>/g) ?? []).length;
    expect(opens).toBe(closes);
  });
});
