import { onTimeRows } from '../../../src/core/measures/onTime';
import { DATES, col, day, errorOf } from '../helpers';

describe('On time: delivered on or before the promised day', () => {
  const promised = ['Promised', '2026-01-10', '2026-01-10', '2026-01-10', '2026-01-10'];
  const delivered = ['Delivered', '2026-01-09', '2026-01-10', '2026-01-11', ''];
  test('on the day counts, a day late does not; undelivered orders are left out', () => {
    const r = onTimeRows(col(promised, 'promised', true), col(delivered, 'delivered', true), DATES);
    expect(Array.from(r.den)).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(r.num)).toEqual([0, 1, 1, 0, 0]);
    expect(r.days[1]).toBe(day('2026-01-09'));
  });
  test('per period (the scorecard): a delivered row without a promised date is left out, and no deliveries give no rows', () => {
    const p = col(['2026-01-10', ''], 'promised', true);
    const d = col(['2026-01-09', '2026-01-12'], 'delivered', true);
    expect(errorOf(() => onTimeRows(p, d, DATES)).message).toBe(
      'row 2 has a delivery date but no promised date; fill in the promised date or clear the row',
    );
    expect(Array.from(onTimeRows(p, d, DATES, true).den)).toEqual([1, 0]);
    expect(Array.from(onTimeRows(p, col(['', ''], 'delivered', true), DATES, true).den)).toEqual([0, 0]);
  });
});
