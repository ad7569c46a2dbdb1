// The embedded fonts (fonts.ts): static TrueType files satori can read, versioned by their content.
import { describe, expect, it } from 'vitest';
import { fontBuffers, fontVersion } from '../../src/build/fonts.ts';
import { tableTags } from '../../src/build/font-metrics.ts';

describe('fonts', () => {
  it('are static TrueType files satori can read, and versioned by content', () => {
    const b = fontBuffers();
    for (const w of [400, 700] as const) {
      expect(b[w].readUInt32BE(0)).toBe(0x00010000); // TrueType, not TTC/WOFF/WOFF2
      expect(tableTags(b[w])).not.toContain('fvar'); // not a variable font
      expect(tableTags(b[w])).toContain('glyf');
    }
    expect(fontVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
