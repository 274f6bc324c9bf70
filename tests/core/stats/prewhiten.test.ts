import { prewhiten } from '../../../src/core/stats/prewhiten';

describe('prewhiten (DOMAIN.md step 2)', () => {
  test("x'[t] = x[t] − φ·x[t − 1], where both are present; the first value has no predecessor", () => {
    expect(Array.from(prewhiten([1, 2, NaN, 4, 5], 0.5))).toEqual([NaN, 1.5, NaN, NaN, 3]);
    expect(Array.from(prewhiten([10, 12, 11], 1))).toEqual([NaN, 2, -1]); // φ = 1: first differences
    expect(Array.from(prewhiten([10, 12, 11], 0))).toEqual([NaN, 12, 11]); // φ = 0: the values themselves
  });
  test('same length as the series; empty in, empty out; never changes its input', () => {
    const x = [3, 4, 5];
    expect(prewhiten(x, 0.3)).toHaveLength(3);
    expect(x).toEqual([3, 4, 5]);
    expect(prewhiten([], 0.3)).toHaveLength(0);
  });
});
