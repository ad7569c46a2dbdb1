// Line breaking and fitting for the cards (text-layout.ts), with a monospace stand-in for the font.
import { describe, expect, it } from 'vitest';
import { ellipsize, fitList, fitText, tokenize, wrapText, type Measure } from '../../../src/outputs/cards/text-layout.ts';

describe('text layout', () => {
  // A monospace stand-in: every character 1em, except ASCII at 0.5em.
  const mono: Measure = (t, size) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1) * size, 0);

  it('keeps Latin runs and numbers whole and glues punctuation to its neighbour', () => {
    expect(tokenize('森林覆盖率达到38.5%，PM2.5下降')).toEqual([
      '森',
      '林',
      '覆',
      '盖',
      '率',
      '达',
      '到',
      '38.5%，',
      'P'.concat('M2.5'),
      '下',
      '降',
    ]);
    expect(tokenize('《方案》要求')).toEqual(['《方', '案》', '要', '求']);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const text = '推进“两化”地区发展，促进巴燕、群科双城建设（2019年底前）和产城一体化发展。加快完成规划编制。';
    for (let width = 3; width <= 12; width++) {
      const { lines } = wrapText(text, { fontSize: 1, maxWidth: width, maxLines: 99, measure: mono });
      for (const line of lines) {
        expect(line).not.toMatch(/^[，。、；：？！）》”]/);
        expect(line).not.toMatch(/[（《“]$/);
        expect(mono(line, 1)).toBeLessThanOrEqual(width);
      }
      expect(lines.join('')).toBe(text);
    }
  });

  it('clamps to maxLines with an ellipsis where the text continues', () => {
    const text = '一二三四五六七八九十'.repeat(5);
    const { lines, truncated } = wrapText(text, { fontSize: 10, maxWidth: 100, maxLines: 2, measure: mono });
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(text.startsWith(lines.join('').slice(0, -1))).toBe(true);
    expect(mono(lines[1], 10)).toBeLessThanOrEqual(100);
  });

  it('fits the largest size that holds the whole text, else the smallest, clamped', () => {
    expect(fitText('短标题', { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono }).fontSize).toBe(60);
    const long = '长'.repeat(40); // 60px: 10/line × 2 lines; 40px: 15/line × 4 lines = 60 ≥ 40
    const f = fitText(long, { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono });
    expect(f).toMatchObject({ fontSize: 40, truncated: false });
    expect(f.lines).toHaveLength(3);
    const huge = fitText('长'.repeat(400), { sizes: [60, 40], maxWidth: 600, maxHeight: 200, lineHeight: 1.25, measure: mono });
    expect(huge).toMatchObject({ fontSize: 40, truncated: true });
    expect(huge.lines).toHaveLength(4);
  });

  it('fits lists by whole items, then 等N项, then a shortened first item', () => {
    expect(fitList(['甲局', '乙局', '丙局'], '、', 10, 100, mono)).toBe('甲局、乙局、丙局');
    // mono: CJK 10 px, ASCII 5 px; ' 等3项' is 30 px.
    const four = ['甲局', '乙局', '丙局', '丁局'];
    expect(fitList(four, '、', 10, 80, mono)).toBe('甲局、乙局 等4项');
    expect(fitList(four, '、', 10, 79, mono)).toBe('甲局 等4项');
    expect(fitList(['甲乙丙丁戊己庚辛', '乙局'], '、', 10, 70, mono)).toBe('甲乙丙… 等2项');
    expect(fitList(['甲乙丙丁戊己庚辛'], '、', 10, 40, mono)).toBe('甲乙丙…');
  });

  it('ellipsizes one-line fields without a dangling separator', () => {
    expect(ellipsize('甲局、乙局、丙局', 10, 35, mono)).toBe('甲局…');
    expect(ellipsize('甲局', 10, 35, mono)).toBe('甲局');
  });

  it('shortens a lone 《title》 inside its brackets, between words and numbers', () => {
    // mono: 《, 》 and … are 10 px each, so at maxWidth 80 the inner text gets 50 px.
    expect(fitList(['《甲乙丙丁戊己庚辛》'], '、', 10, 80, mono)).toBe('《甲乙丙丁戊…》');
    // 2014-2030 (45 px) does not fit after 甲乙丙丁: it goes whole rather than as 20….
    expect(fitList(['《甲乙丙丁2014-2030年规划》'], '、', 10, 80, mono)).toBe('《甲乙丙丁…》');
    expect(fitList(['《甲乙》'], '、', 10, 80, mono)).toBe('《甲乙》');
    expect(fitList(['《甲乙丙丁戊己庚辛》', '《甲》'], '、', 10, 120, mono)).toBe('《甲乙丙丁戊己…》 等2项'); // ' 等2项' is 30 px
  });
});
