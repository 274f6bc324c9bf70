import { onTimeOrders, onTimeState, onTimeTotals } from '../../../src/core/measures/onTime';
import { day } from '../helpers';

const days = (xs: string[]) => Float64Array.from(xs, (x) => (x === '' ? NaN : day(x)));

describe('On time (DOMAIN.md): orders due, by the promised day', () => {
  test('on the day counts, a day late does not; an undelivered order is late once its promised day has passed', () => {
    const o = onTimeOrders(
      days(['2026-01-10', '2026-01-10', '2026-01-10', '2026-01-10', '2026-02-20']),
      days(['2026-01-09', '2026-01-10', '2026-01-11', '', '2026-02-01']),
      null,
      null,
      0,
    );
    // As of the latest date in both columns (2026-02-20): the undelivered order of 2026-01-10 is late.
    expect(o.latest).toBe(day('2026-02-20'));
    expect(onTimeTotals(o)).toEqual({ onTime: 3, due: 5 });
    // As of 2026-01-10 itself the undelivered order is not due yet (its day has not passed).
    expect(onTimeTotals(o, day('2026-01-10'))).toEqual({ onTime: 3, due: 4 });
  });
  test('rows without a promised date are left out', () => {
    const o = onTimeOrders(days(['', '2026-01-10']), days(['2026-01-12', '2026-01-12']), null, null, 0);
    expect(onTimeTotals(o)).toEqual({ onTime: 0, due: 1 });
  });
  test('an order of several lines counts once: delivered when its last line is', () => {
    const order = Int32Array.from([0, 0, 1]);
    const o = onTimeOrders(
      days(['2026-01-10', '2026-01-10', '2026-01-10']),
      days(['2026-01-09', '2026-01-12', '2026-01-10']),
      null,
      order,
      2,
    );
    expect(Array.from(o.delivered)).toEqual([day('2026-01-12'), day('2026-01-10')]);
    expect(onTimeTotals(o)).toEqual({ onTime: 1, due: 2 });
    const open = onTimeOrders(days(['2026-01-10', '2026-01-10']), days(['2026-01-09', '']), null, Int32Array.from([0, 0]), 1);
    expect(Number.isNaN(open.delivered[0])).toBe(true);
  });
  test('the states', () => {
    expect(onTimeState(NaN, 5, 10)).toBe(0);
    expect(onTimeState(5, 5, 10)).toBe(2);
    expect(onTimeState(5, 6, 10)).toBe(1);
    expect(onTimeState(5, NaN, 5)).toBe(0);
    expect(onTimeState(5, NaN, 6)).toBe(1);
  });
});
