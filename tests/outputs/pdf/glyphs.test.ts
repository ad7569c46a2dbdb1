// Glyph coverage of the embedded font (glyphs.ts).
import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../../../src/outputs/pdf/glyphs';

describe('glyph coverage', () => {
  it('names characters the embedded font cannot draw', () => {
    expect(missingGlyphs('阿里地区生态环境局 2019年，完成45%。“引号”')).toEqual([]);
    expect(missingGlyphs('进展😀顺利')).toEqual(['😀']);
  });

  it('names each missing character once, in order of first use, a surrogate pair as one character', () => {
    expect(missingGlyphs('😀甲\u{2A6D6}乙😀\u{2A6D6}')).toEqual(['😀', '\u{2A6D6}']);
    // A lone surrogate is a character of its own, as iterating the string gives it.
    expect(missingGlyphs('甲\uD800乙\uDC00')).toEqual(['\uD800', '\uDC00']);
  });

  it('ignores whitespace, controls and variation selectors', () => {
    expect(missingGlyphs('甲\u3000乙\u00A0丙\t\n\u0001\uFE0F')).toEqual([]);
  });
});
