import fc from 'fast-check';
import { ar1Coefficient } from '../../../src/core/stats/ar1Coefficient';
import { gaussian, mulberry32 } from './helpers';

/** The least-squares slope of x[t] on x[t − 1] over consecutive present pairs, by the textbook formula. */
function slope(x: number[]): number | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let t = 1; t < x.length; t++) {
    if (!Number.isNaN(x[t - 1]) && !Number.isNaN(x[t])) {
      a.push(x[t - 1]);
      b.push(x[t]);
    }
  }
  const n = a.length;
  if (n < 2) return null;
  const sa = a.reduce((s, v) => s + v, 0);
  const sb = b.reduce((s, v) => s + v, 0);
  const sab = a.reduce((s, v, i) => s + v * b[i], 0);
  const saa = a.reduce((s, v) => s + v * v, 0);
  const den = n * saa - sa * sa;
  return den === 0 ? null : (n * sab - sa * sb) / den;
}

describe('ar1Coefficient (DOMAIN.md "Connecting lead to lag", step 2)', () => {
  test('φ = Σab / Σa² over the consecutive pairs, each side demeaned by its own mean', () => {
    // Pairs (1,3), (3,2), (2,5): a = −1, 1, 0; b = −1/3, −4/3, 5/3; Σab = −1, Σa² = 2.
    expect(ar1Coefficient([1, 3, 2, 5])).toBe(-0.5);
    // A doubling series lies on b = 2a exactly.
    expect(ar1Coefficient([1, 2, 4, 8])).toBeCloseTo(2, 14);
  });
  test('a gap drops the pairs it breaks, and only those', () => {
    // Pairs: (2,4), (5,4), (4,7); the 1→NaN and NaN→5 pairs are gone.
    expect(ar1Coefficient([1, NaN, 5, 4, 7])).toBeCloseTo(slope([5, 4, 7])!, 14);
    expect(ar1Coefficient([3, 1, NaN, 5, 4, 7])).toBeCloseTo(1.5, 14); // pairs (3,1), (5,4), (4,7): a = −1, 1, 0; b = −3, 0, 3
  });
  test('null with fewer than 2 pairs, or when the earlier values do not vary', () => {
    expect(ar1Coefficient([])).toBeNull();
    expect(ar1Coefficient([4])).toBeNull();
    expect(ar1Coefficient([4, 5])).toBeNull();
    expect(ar1Coefficient([4, NaN, 5, NaN, 6])).toBeNull();
    expect(ar1Coefficient([4, 4, 4, 9])).toBeNull(); // x[t − 1] is 4 in every pair
  });
  test('agrees with the textbook least-squares slope to 1e-9, also with a large offset', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.integer({ min: -100000, max: 100000 }).map((c) => c / 100) },
            { weight: 1, arbitrary: fc.constant(NaN) },
          ),
          {
            minLength: 0,
            maxLength: 40,
          },
        ),
        fc.constantFrom(0, 1e3, 1e6),
        (x, offset) => {
          const shifted = x.map((v) => v + offset);
          const want = slope(x); // the slope does not depend on the offset; computed without it
          const got = ar1Coefficient(shifted);
          if (want === null || Math.abs(want) > 1e6) return; // a degenerate fit: both may disagree on "constant"
          expect(got).not.toBeNull();
          // An offset costs digits in proportion to offset / spread (the fit is ill-conditioned when the
          // values barely move against their offset); without one, 1e-9.
          const a = x.filter((v, t) => t + 1 < x.length && !Number.isNaN(v) && !Number.isNaN(x[t + 1]));
          const mean = a.reduce((s, v) => s + v, 0) / a.length;
          const spread = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
          // The textbook reference itself loses digits as (level / spread)² (its n·Σa² − (Σa)² cancels): −995.57,
          // −996.2 against 0 is such a case, and the two-pass ar1Coefficient is the closer of the two there.
          const level = Math.max(...a.map(Math.abs));
          const scale = Math.max(1, Math.abs(want));
          const tol = 1e-9 * scale + 1e-15 * (level / spread) ** 2 * scale + (offset === 0 ? 0 : (1e-12 * offset * scale) / spread);
          expect(Math.abs(got! - want)).toBeLessThanOrEqual(tol);
        },
      ),
    );
  });
  test('recovers the coefficient of a long simulated AR(1)', () => {
    const g = gaussian(mulberry32(7));
    for (const phi of [-0.5, 0, 0.6, 0.95]) {
      const x = [0];
      for (let t = 1; t < 20000; t++) x.push(phi * x[t - 1] + g());
      expect(Math.abs(ar1Coefficient(x)! - phi)).toBeLessThan(0.02);
    }
  });
});
