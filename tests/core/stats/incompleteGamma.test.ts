import { regularizedUpperIncompleteGamma as Q } from '../../../src/core/stats/incompleteGamma';
import { normalCdf } from '../../../src/core/stats/normal';
import { expectRel } from './helpers';

describe('regularizedUpperIncompleteGamma', () => {
  // Reference values: mpmath gammainc(s, x, regularized=True) at 50 digits (R: pgamma(x, s, lower = FALSE)).
  const reference: Array<[number, number, number]> = [
    [1, 2, 0.1353352832366127],
    [0.5, 0.5, 0.3173105078629141],
    [0.5, 3, 0.01430587843542964],
    [3, 2.5, 0.5438131158833295],
    [10, 20, 0.004995412308307587],
    [0.1, 5, 0.000143938965846734],
    [100, 90, 0.8417790108135698],
    [5, 0.01, 0.9999999999991736],
    [2.5, 40, 8.39182511483161e-16],
  ];
  it.each(reference)('Q(%p, %p) matches the reference to 1e-13', (s, x, expected) => {
    expectRel(Q(s, x), expected, 1e-13);
  });

  it('equals e^(−x) for s = 1 (log-space prefactor: error grows like x·ε)', () => {
    for (const x of [1e-8, 0.3, 1, 2.5, 7, 30]) expectRel(Q(1, x), Math.exp(-x), 1e-14);
    expectRel(Q(1, 300), Math.exp(-300), 1e-13);
  });

  it('equals erfc(√x) = 2Φ(−√(2x)) for s = ½', () => {
    for (const x of [1e-6, 0.1, 0.5, 1.4, 3, 12, 80, 600]) {
      expectRel(Q(0.5, x), 2 * normalCdf(-Math.sqrt(2 * x)), 1e-12);
    }
  });

  it('matches the finite Poisson sum for integer s: Q(n, x) = e^(−x) Σ_{k<n} x^k/k!', () => {
    for (const n of [2, 3, 5, 8, 13]) {
      for (const x of [0.2, 1, 4, 9.5, 25]) {
        let term = Math.exp(-x);
        let sum = 0;
        for (let k = 0; k < n; k++) {
          sum += term;
          term *= x / (k + 1);
        }
        expectRel(Q(n, x), sum, 1e-13);
      }
    }
  });

  it('is 1 at x = 0 and 0 at x = ∞; NaN propagates', () => {
    expect(Q(2.5, 0)).toBe(1);
    expect(Q(2.5, Infinity)).toBe(0);
    expect(Q(NaN, 1)).toBeNaN();
    expect(Q(1, NaN)).toBeNaN();
  });

  it('throws a RangeError for invalid s or x', () => {
    expect(() => Q(0, 1)).toThrow(RangeError);
    expect(() => Q(-1, 1)).toThrow(RangeError);
    expect(() => Q(Infinity, 1)).toThrow(RangeError);
    expect(() => Q(1, -0.5)).toThrow(RangeError);
  });
});
