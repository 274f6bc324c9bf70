import { ratioOfPeriods, ratioTotals, ratioValue } from '../../../src/core/measures/ratio';

describe('ratio sums', () => {
  const r = { num: Float64Array.from([1, 0, 1, 1]), den: Float64Array.from([1, 1, 1, 0]) };
  test('the value is Σnum / Σden over the rows that count, and nothing to count is an error', () => {
    expect(ratioTotals(r)).toEqual({ num: 2, den: 3, rows: 3 });
    expect(ratioValue(r, 'nothing')).toBeCloseTo(2 / 3, 15);
    expect(() => ratioValue({ num: new Float64Array(2), den: new Float64Array(2) }, 'nothing here')).toThrow('nothing here');
  });
  test('per period: the same sums grouped by each row’s period; a period where nothing counts is null', () => {
    expect(ratioOfPeriods(r, Int32Array.from([0, 0, 1, 2]), 4, 100)).toEqual([50, 100, null, null]);
    expect(ratioOfPeriods(r, Int32Array.from([-1, 0, 0, -1]), 1)).toEqual([0.5]);
  });
});
