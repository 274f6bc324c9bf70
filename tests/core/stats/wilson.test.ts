import fc from 'fast-check';
import { wilsonInterval } from '../../../src/core/stats/wilson';
import { Z95, normalQuantile } from '../../../src/core/stats/normal';

describe('wilsonInterval (DOMAIN.md "Sample size, uncertainty and signal")', () => {
  test("Newcombe (1998)'s examples, method 3 (Wilson score), 95%", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const ci = wilsonInterval(k, n, Z95)!;
      expect(ci.low).toBeCloseTo(low, 4);
      expect(ci.high).toBeCloseTo(high, 4);
    }
  });
  test("DOMAIN.md's formula to the last digit: centre = (p + z²/2n)/(1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, f, level) => {
          const k = Math.round(f * n);
          const z = normalQuantile((1 + level) / 2);
          const p = k / n;
          const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
          const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
          const ci = wilsonInterval(k, n, z)!;
          expect(ci.centre).toBeCloseTo(centre, 14);
          expect(Math.abs(ci.low - Math.max(0, centre - half))).toBeLessThanOrEqual(1e-14);
          expect(Math.abs(ci.high - Math.min(1, centre + half))).toBeLessThanOrEqual(1e-14);
          expect(0 <= ci.low && ci.low <= p && p <= ci.high && ci.high <= 1).toBe(true);
        },
      ),
    );
  });
  test('0 of n starts at 0 and n of n ends at 1 exactly; it never collapses to a point', () => {
    expect(wilsonInterval(0, 10, Z95)).toMatchObject({ low: 0 });
    expect(wilsonInterval(0, 10, Z95)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10, Z95)).toMatchObject({ high: 1 });
    expect(wilsonInterval(10, 10, Z95)!.low).toBeCloseTo(0.7225, 4);
  });
  test('keeps its digits for huge totals (p(1 − p)/n would underflow): 24 of 3.1e162 has low < rate < high', () => {
    const n = 3.1169389084085224e162;
    const ci = wilsonInterval(24, n, Z95)!;
    expect(ci.low).toBeGreaterThan(0);
    expect(ci.low).toBeLessThan(24 / n);
    expect(ci.high).toBeGreaterThan(24 / n);
    // Against the exact interval for k = 24 as n → ∞ (Poisson-like): (k + z²/2 ∓ z√(k + z²/4))/n.
    expect((ci.low * n) / (24 + Z95 ** 2 / 2 - Z95 * Math.sqrt(24 + Z95 ** 2 / 4))).toBeCloseTo(1, 12);
  });
  test('no answers give null; impossible counts are refused', () => {
    expect(wilsonInterval(0, 0, Z95)).toBeNull();
    expect(() => wilsonInterval(5, 4, Z95)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4, Z95)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Infinity, Z95)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, NaN)).toThrow(RangeError);
  });
});
