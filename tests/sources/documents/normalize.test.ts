// Canonical copies of lines (same length, full-width punctuation), trimming and Chinese numerals.
import { describe, expect, it } from 'vitest';
import { canonical, chineseNumeral, compact, squeeze, trimAll } from '../../../src/sources/documents/normalize';

describe('canonical', () => {
  it('keeps length while folding punctuation widths', () => {
    const s = '(地区农牧局):1,2;　x';
    expect(canonical(s)).toHaveLength(s.length);
    expect(canonical(s)).toBe('（地区农牧局）：1，2； x');
  });

  it('folds full-width digits, dots and percent to ASCII and odd spaces to plain ones', () => {
    expect(canonical('１２．５％')).toBe('12.5%');
    expect(canonical('a\u00a0b\u2002c\u200bd\te')).toBe('a b c d e');
    expect(canonical('〈十四五〉＜x＞')).toBe('<十四五><x>');
    expect(canonical('?!')).toBe('？！');
  });

  it('leaves full-width punctuation and 、 as they are', () => {
    const s = '（一）责任单位：市发改委、市财政局，市水务局；完成。';
    expect(canonical(s)).toBe(s);
  });
});

describe('white space', () => {
  it('trimAll trims no-break, ideographic and zero-width spaces', () => {
    expect(trimAll('\u3000\u00a0 一、总体要求\u200b\ufeff ')).toBe('一、总体要求');
  });
  it('squeeze collapses inner runs; compact removes them', () => {
    expect(squeeze('  某某\u3000\u3000工作   要点 ')).toBe('某某 工作 要点');
    expect(compact(' 市 发展\u3000改革委\u00a0')).toBe('市发展改革委');
  });
});

describe('chineseNumeral', () => {
  it('reads Chinese numerals', () => {
    expect([
      chineseNumeral('十'),
      chineseNumeral('十四'),
      chineseNumeral('二十三'),
      chineseNumeral('一百零五'),
      chineseNumeral('x'),
    ]).toEqual([10, 14, 23, 105, NaN]);
  });
  it('reads 〇, 两 and hundreds without a leading one', () => {
    expect([chineseNumeral('〇'), chineseNumeral('两'), chineseNumeral('百'), chineseNumeral('三十'), chineseNumeral('12')]).toEqual([
      0,
      2,
      100,
      30,
      NaN,
    ]);
  });
});
