import { bucketDays, bucketLabels, periodSlots } from '../../../src/core/measures/buckets';
import { parsePeriod } from '../../../src/core/time/periods';
import { days } from '../helpers';

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
