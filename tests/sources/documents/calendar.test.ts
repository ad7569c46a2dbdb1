// Chinese date expressions in headers and signatures → ISO dates.
import { describe, expect, it } from 'vitest';
import { isDateLine, isoDate, parseCalendarDate } from '../../../src/sources/documents/calendar';

describe('parseCalendarDate', () => {
  it.each([
    ['2019年08月19日', '2019-08-19'],
    ['2019年8月9日', '2019-08-09'],
    ['成文日期: 2019 年 8 月 19 日', '2019-08-19'],
    ['2018-12-20 18:35', '2018-12-20'],
    ['20198月16日', '2019-08-16'],
  ])('%s → %s', (text, date) => {
    expect(parseCalendarDate(text)).toBe(date);
  });
  it.each(['2019年2月30日', '2019年8月', '1900年1月1日', '长期'])('%s → null', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
});

describe('isDateLine', () => {
  it('a whole line that is a date', () => {
    expect(
      ['2019年8月19日', ' 2019年08月19日 ', '2019 年 8 月 19 日', '2019年8月19日印发', '2019年8月', '于2019年8月19日'].map(isDateLine),
    ).toEqual([true, true, true, false, false, false]);
  });
});

describe('isoDate', () => {
  it('real dates between 1949 and 2100', () => {
    expect([isoDate(2020, 2, 29), isoDate(2019, 2, 29), isoDate(1948, 1, 1), isoDate(2101, 1, 1)]).toEqual([
      '2020-02-29',
      null,
      null,
      null,
    ]);
  });
});
