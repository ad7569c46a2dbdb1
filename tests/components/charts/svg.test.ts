// SVG helpers of the charts (svg.ts): valid ids and clamped percentages.
import { describe, expect, it } from 'vitest';
import { pct, safeId } from '../../../src/components/charts/svg';

describe('svg helpers', () => {
  it('makes ids valid', () => {
    expect(safeId('542500-stj/图')).toBe('c-542500-stj--');
    expect(safeId('dept')).toBe('dept');
  });
  it('clamps and rounds percentages', () => {
    expect(pct(1 / 3)).toBe('33.333%');
    expect(pct(2)).toBe('100%');
    expect(pct(-1)).toBe('0%');
  });
});
