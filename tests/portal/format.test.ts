// Dates and numbers as readers see them (format.ts).
import { describe, expect, it } from 'vitest';
import { chineseDate, formatNumber, formatShare } from '../../src/portal/format';

describe('format', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2018-12-20')).toBe('2018年12月20日');
    expect(chineseDate('2019-01')).toBe('2019年1月');
    expect(chineseDate('2019')).toBe('2019年');
    expect(chineseDate(null)).toBe('');
    expect(chineseDate('长期')).toBe('长期');
  });
  it('groups numbers and writes shares', () => {
    expect(formatNumber(50000)).toBe('50,000');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(38.5)).toBe('38.5');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(0, 0)).toBe('—');
  });

  it('writes reform dates in Chinese', () => {
    expect(chineseDate('2023')).toBe('2023年');
    expect(chineseDate('2018-03-01')).toBe('2018年3月1日');
    expect(chineseDate('不详')).toBe('不详');
  });
});
