// Status counts in words (counts.ts): each task once, 已逾期 on top.
import { describe, expect, it } from 'vitest';
import { describeCounts, totalOf } from '../../../src/components/charts/counts';
import { counts } from './helpers';

describe('counts in words', () => {
  it('counts each task once; 已逾期 is a flag on top', () => {
    const c = counts({ 达到序时进度: 5, 未报告: 7, 已逾期: 2 });
    expect(totalOf(c)).toBe(12);
    expect(describeCounts(c)).toBe('共 12 项：达到序时进度 5 项，未报告 7 项；其中已逾期 2 项。');
  });
  it('says when there is nothing', () => {
    expect(describeCounts(counts({}))).toBe('共 0 项。');
  });
});
