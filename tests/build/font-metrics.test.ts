// Advance widths read from the font itself (font-metrics.ts).
import { describe, expect, it } from 'vitest';
import { fontBuffers } from '../../src/build/fonts.ts';
import { parseFontMetrics } from '../../src/build/font-metrics.ts';

describe('fonts', () => {
  it('metrics come from the font: CJK is full width, Latin narrower, bold Latin wider', () => {
    const regular = parseFontMetrics(fontBuffers()[400]);
    const bold = parseFontMetrics(fontBuffers()[700]);
    expect(regular.advance('草'.codePointAt(0)!)).toBe(regular.unitsPerEm);
    const i = regular.advance('i'.codePointAt(0)!)!;
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(regular.unitsPerEm / 2);
    expect(bold.advance('m'.codePointAt(0)!)!).toBeGreaterThan(regular.advance('m'.codePointAt(0)!)!);
    expect(regular.advance(0xe000)).toBeNull(); // private use: no glyph
  });
});
