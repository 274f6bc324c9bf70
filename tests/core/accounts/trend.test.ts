import { revenueTrend } from '../../../src/core/accounts/trend';

describe('falling revenue: the last 3 periods against the 3 before, beyond routine variation (XmR)', () => {
  test('fewer than 6 periods: no trend; 6 to 8: the means, not judged', () => {
    expect(revenueTrend([1, 2, 3, 4, 5])).toBeNull();
    expect(revenueTrend([10, 10, 10, 1, 1, 1])).toMatchObject({ last: 1, before: 10, judged: false, falling: false });
  });

  test('the limit is 2.66 × the mean moving range of the periods before the last 3 × √(2/3)', () => {
    // Baseline 40, 50, 40, 50, 40, 50: mean moving range 10, limit 21.719…; the 3 before average 46.67.
    const base = [40, 50, 40, 50, 40, 50];
    const limit = 2.66 * 10 * Math.sqrt(2 / 3);
    const before = (50 + 40 + 50) / 3;
    const at = (last: number) => revenueTrend([...base, last, last, last])!;
    expect(at(before - limit + 0.01)).toMatchObject({ judged: true, falling: false });
    expect(at(before - limit - 0.01)).toMatchObject({ judged: true, falling: true });
    expect(at(before - limit - 0.01).change).toBeCloseTo((before - limit - 0.01) / before - 1, 12);
  });

  test('an account that orders in lumps is not flagged for a lumpy quarter', () => {
    expect(revenueTrend([0, 300, 0, 300, 0, 300, 0, 0, 100])).toMatchObject({ falling: false, judged: true });
  });

  test('a steady account that drops is flagged; one that grows is not', () => {
    expect(revenueTrend([100, 100, 100, 100, 100, 100, 99, 99, 99])!.falling).toBe(true);
    expect(revenueTrend([100, 100, 100, 100, 100, 100, 150, 150, 150])!.falling).toBe(false);
  });

  test('nothing in the last 6 periods after buying before is "stopped"', () => {
    expect(revenueTrend([100, 100, 100, 100, 0, 0, 0, 0, 0, 0])).toMatchObject({ stopped: true, last: 0, before: 0, change: null });
    expect(revenueTrend([0, 0, 0, 0, 0, 0])!.stopped).toBe(false);
  });
});
