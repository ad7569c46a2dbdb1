import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  isRealDate,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodOverlaps,
  periodsBetween,
  timelineEnd,
  timelinePeriods,
} from '../../src/domain/periods';

describe('parsePeriod', () => {
  it.each([
    ['2019', 'year', '2019-01-01', '2019-12-31', '2019年'],
    ['2019-Q1', 'quarter', '2019-01-01', '2019-03-31', '2019年第一季度'],
    ['2019-Q3', 'quarter', '2019-07-01', '2019-09-30', '2019年第三季度'],
    ['2018-Q4', 'quarter', '2018-10-01', '2018-12-31', '2018年第四季度'],
    ['2019-07', 'month', '2019-07-01', '2019-07-31', '2019年7月'],
    ['2019-02', 'month', '2019-02-01', '2019-02-28', '2019年2月'],
    ['2020-02', 'month', '2020-02-01', '2020-02-29', '2020年2月'],
    ['1900-02', 'month', '1900-02-01', '1900-02-28', '1900年2月'],
    ['2000-02', 'month', '2000-02-01', '2000-02-29', '2000年2月'],
    ['2019-11', 'month', '2019-11-01', '2019-11-30', '2019年11月'],
  ])('%s', (id, kind, start, end, label) => {
    expect(parsePeriod(id)).toEqual({ id, kind, start, end, label });
  });

  it.each(['', '19', '2019-Q5', '2019-Q0', '2019-13', '2019-00', '2019-7', '2019q3', ' 2019', '2019-H1', '2019-07-01', '二〇一九'])(
    'rejects %j',
    (id) => expect(() => parsePeriod(id)).toThrow(/expected a year/),
  );
});

describe('isRealDate', () => {
  it.each(['2019-02-28', '2020-02-29', '2019-12-31', '2000-02-29'])('accepts %s', (d) => expect(isRealDate(d)).toBe(true));
  it.each(['2019-02-29', '2019-02-30', '1900-02-29', '2019-13-01', '2019-04-31', '2019-00-10', '2019-1-1', '20190101', ''])(
    'rejects %j',
    (d) => expect(isRealDate(d)).toBe(false),
  );
});

describe('ordering and ranges', () => {
  it('sorts oldest first, a year before its first quarter', () => {
    const ids = ['2019-Q2', '2018-Q4', '2019', '2019-Q1', '2018'];
    expect(
      ids
        .map(parsePeriod)
        .sort(comparePeriods)
        .map((p) => p.id),
    ).toEqual(['2018', '2018-Q4', '2019', '2019-Q1', '2019-Q2']);
  });

  it('steps to the next period across a year end', () => {
    expect(nextPeriod(parsePeriod('2018-Q4')).id).toBe('2019-Q1');
    expect(nextPeriod(parsePeriod('2019-12')).id).toBe('2020-01');
    expect(nextPeriod(parsePeriod('2019')).id).toBe('2020');
  });

  it('finds the period containing a date', () => {
    expect(periodContaining('2019-08-16', 'quarter').id).toBe('2019-Q3');
    expect(periodContaining('2019-08-16', 'month').id).toBe('2019-08');
    expect(periodContaining('2019-08-16', 'year').id).toBe('2019');
  });

  it('lists every period between two, and refuses mixed kinds', () => {
    expect(periodsBetween(parsePeriod('2018-Q3'), parsePeriod('2019-Q2')).map((p) => p.id)).toEqual([
      '2018-Q3',
      '2018-Q4',
      '2019-Q1',
      '2019-Q2',
    ]);
    expect(() => periodsBetween(parsePeriod('2018'), parsePeriod('2019-Q2'))).toThrow();
  });

  it('fills gaps in a timeline so that an unreported period shows', () => {
    const reported = ['2019-Q2', '2018-Q3', '2018-Q4', '2018-Q3'].map(parsePeriod);
    expect(timelinePeriods(reported).map((p) => p.id)).toEqual(['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2']);
    expect(timelinePeriods([])).toEqual([]);
  });

  it('runs the timeline to a given end, gaps included; a document without reports shows the end alone', () => {
    const reported = ['2018-Q3', '2018-Q4'].map(parsePeriod);
    expect(timelinePeriods(reported, parsePeriod('2019-Q2')).map((p) => p.id)).toEqual(['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2']);
    expect(timelinePeriods([], parsePeriod('2019-Q2')).map((p) => p.id)).toEqual(['2019-Q2']);
    // An end before the last report never cuts a reported period off.
    expect(timelinePeriods(reported, parsePeriod('2018-Q3')).map((p) => p.id)).toEqual(['2018-Q3', '2018-Q4']);
  });

  it('timelineEnd: the build date’s period, or one period past a plan that has ended and whose deadlines have passed', () => {
    const quarterly = { reporting: 'quarterly' as const, span: { start: '2018-06-01', end: '2020-12-31' } };
    expect(timelineEnd(quarterly, '2019-05-10', '2020-12-31').id).toBe('2019-Q2');
    // Ended, last deadline passed: one quarter after the span's end.
    expect(timelineEnd(quarterly, '2026-12-03', '2020-06-30').id).toBe('2021-Q1');
    // Ended, but a deadline still ahead: runs on to the build date's period.
    expect(timelineEnd(quarterly, '2026-12-03', '2027-06-30').id).toBe('2026-Q4');
    // Ended just now: the build date's period comes first.
    expect(timelineEnd(quarterly, '2021-01-05', '2020-12-31').id).toBe('2021-Q1');
    expect(timelineEnd({ reporting: 'annual', span: quarterly.span }, '2026-12-03', null).id).toBe('2021');
    expect(timelineEnd({ reporting: 'monthly', span: quarterly.span }, '2019-05-10', null).id).toBe('2019-05');
  });

  it('a period overlapping a span by one day is inside it', () => {
    const span = { start: '2024-09-04', end: '2035-12-31' };
    expect(periodOverlaps(parsePeriod('2024'), span)).toBe(true);
    expect(periodOverlaps(parsePeriod('2024-Q2'), span)).toBe(false);
    expect(periodOverlaps(parsePeriod('2036'), span)).toBe(false);
    expect(periodOverlaps(parsePeriod('2035-12'), span)).toBe(true);
  });
});
