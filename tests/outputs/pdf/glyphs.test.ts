// Glyph coverage of the embedded font (glyphs.ts).
import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../../../src/outputs/pdf/glyphs';

describe('glyph coverage', () => {
  it('names characters the embedded font cannot draw', () => {
    expect(missingGlyphs('阿里地区生态环境局 2019年，完成45%。“引号”')).toEqual([]);
    expect(missingGlyphs('进展😀顺利')).toEqual(['😀']);
  });
});
