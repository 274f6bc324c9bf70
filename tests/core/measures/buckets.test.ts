import { bucketDays, bucketLabels, periodSlots } from '../../../src/core/measures/buckets';
import { calendarSpec, parsePeriod } from '../../../src/core/time/periods';
import { col, day, days } from '../helpers';

describe('buckets', () => {
  test('every period between the first and the last is listed; rows without a date get −1', () => {
    const b = bucketDays(days('2026-03-02', '', '2026-01-05', '2026-03-31'), parsePeriod('month'));
    expect(bucketLabels(b)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(Array.from(b.index)).toEqual([2, -1, 0, 2]);
  });
  test('no dates: no periods', () => {
    expect(bucketDays(days('', ''), parsePeriod('month')).count).toBe(0);
  });
  test('a filter leaves rows out', () => {
    const b = bucketDays(days('2026-01-05', '2026-05-01'), parsePeriod('month'), (i) => i === 0);
    expect(bucketLabels(b)).toEqual(['2026-01']);
    expect(Array.from(b.index)).toEqual([0, -1]);
  });
  test('slots: each row’s place among the wanted periods, −1 outside them or without a date', () => {
    const month = parsePeriod('month');
    const jan = 2026 * 12;
    expect(Array.from(periodSlots(days('2026-01-05', '', '2026-03-01', '2025-12-31'), [jan, jan + 2], month))).toEqual([0, -1, 1, -1]);
  });
});

describe('bucketDays: at most MAX_PERIODS periods', () => {
  test('past 5,000 an error names the stray date (the end further from the median) and its row', () => {
    const days = Float64Array.from([day('2026-01-05'), NaN, day('2026-02-01'), day('9999-12-31')]);
    expect(() => bucketDays(days, calendarSpec('week'))).toThrow(
      'the dates span 416,063 weeks, more than the 5,000 periods a formula lists (2026-01-05 to 9999-12-31); row 4 of the dates holds 9999-12-31: correct that date or leave its row out, or choose a longer period such as "year"',
    );
    expect(() => bucketDays(days, calendarSpec('week'), undefined, col(['a', 'b', 'c', 'd'], 'order dates', true))).toThrow(
      /; row 4 of order dates holds 9999-12-31:/,
    );
    // Rows left out by `only` do not count: without the stray row the span is 4 weeks (W02 to W05).
    expect(bucketDays(days, calendarSpec('week'), (i) => i !== 3).count).toBe(4);
    // Years: no advice to choose a longer period.
    expect(() => bucketDays(Float64Array.from([day('2026-01-05'), day('9999-12-31'), day('2026-05-01')]), calendarSpec('year'))).toThrow(
      /the dates span 7,974 years, .*; row 2 of the dates holds 9999-12-31: correct that date or leave its row out$/,
    );
  });
});
