// WCAG contrast (contrast.ts).
import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance } from '../../src/portal/contrast';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the well-known AA threshold grey (4.54:1).
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });
  it('rejects what is not a hex colour', () => {
    expect(() => luminance('red')).toThrow(/not a hex colour/);
    expect(() => luminance('#12345')).toThrow();
  });
});
