import { SPIKE_FLAG, targetPressure } from '../../../src/core/measures/targetPressure';
import { parsePeriod } from '../../../src/core/time/periods';
import { col, days } from '../helpers';

describe('targetPressure: share of sales in the last days of each period', () => {
  test('the window is the last `last_days` calendar days: the day before it does not count', () => {
    const r = targetPressure(days('2026-09-23', '2026-09-24'), col([1, 1], 'amounts'), parsePeriod('quarter'), 7);
    expect(r.rows[0].share).toBe(0.5);
  });
  test('a spike ratio of 1.5 or more is flagged', () => {
    expect(SPIKE_FLAG).toBe(1.5);
    // September, 30 days, last 3 days: expected 0.1. A share of 0.2 → ratio 2 → flagged; 0.1 → 1.
    const flagged = targetPressure(days('2026-09-01', '2026-09-30'), col([80, 20], 'amounts'), parsePeriod('month'), 3);
    expect(flagged.buckets).toMatchObject({ first: 2026 * 12 + 8, count: 1 });
    expect(flagged.rows[0].ratio).toBeCloseTo(2, 12);
    expect(flagged.rows[0].flagged).toBe(true);
    const even = targetPressure(days('2026-09-01', '2026-09-30'), col([90, 10], 'amounts'), parsePeriod('month'), 3);
    expect(even.rows[0].flagged).toBe(false);
  });
  test('a period the data covers only in part is marked and never flagged', () => {
    const r = targetPressure(days('2026-09-02', '2026-09-30'), col([1, 99], 'amounts'), parsePeriod('month'), 7);
    expect(r.rows[0]).toMatchObject({ partial: true, flagged: false });
    expect(r.rows[0].ratio).toBeGreaterThan(4);
    const whole = targetPressure(days('2026-09-01', '2026-09-30'), col([1, 99], 'amounts'), parsePeriod('month'), 7);
    expect(whole.rows[0]).toMatchObject({ partial: false, flagged: true });
  });
  test('amounts near the largest number do not overflow the ratio into NaN (found by a property test)', () => {
    const r = targetPressure(
      days('2024-03-01', '2024-03-18'),
      col([1.2840665249016541e307, 1.2840665249016541e307], 'amounts'),
      parsePeriod('month'),
      14,
    );
    expect(r.rows[0].share).toBe(0.5);
    expect(r.rows[0].ratio).toBeCloseTo((0.5 * 31) / 14, 12);
    expect(r.rows[0].flagged).toBe(false);
  });
});
