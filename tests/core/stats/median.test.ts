import { median } from '../../../src/core/stats/median';
import fc from 'fast-check';
import { mulberry32 } from './helpers';

describe('median', () => {
  it('returns the middle value for odd counts', () => {
    expect(median([3, 1, 4, 1, 5])).toBe(3);
    expect(median([42])).toBe(42);
    expect(median([-5, -1, -3])).toBe(-3);
  });

  it('averages the two middle values for even counts', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, 2])).toBe(1.5);
    expect(median([-2, 2])).toBe(0);
    expect(median([0.1, 0.2, 0.3, 0.4])).toBe((0.2 + 0.3) / 2);
  });

  it('sorts numerically, not lexicographically', () => {
    expect(median([10, 9, 100, 2, 1])).toBe(9);
    expect(median([-10, -9, 1e-3, 5e2])).toBe((-9 + 1e-3) / 2);
  });

  it('returns null for empty input', () => {
    expect(median([])).toBeNull();
    expect(median(new Float64Array(0))).toBeNull();
  });

  it('does not mutate its input and accepts typed arrays and array-likes', () => {
    const values = [5, 3, 9, 1];
    median(values);
    expect(values).toEqual([5, 3, 9, 1]);
    const typed = new Float64Array([7, 2, 5]);
    expect(median(typed)).toBe(5);
    expect(Array.from(typed)).toEqual([7, 2, 5]);
    const arrayLike: ArrayLike<number> = { length: 3, 0: 8, 1: 6, 2: 7 };
    expect(median(arrayLike)).toBe(7);
  });

  it('matches a reference implementation on random data', () => {
    const rand = mulberry32(31337);
    for (let trial = 0; trial < 100; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const values = Array.from({ length: n }, () => Math.round((rand() - 0.5) * 1000) / 10);
      const sorted = values.slice().sort((a, b) => a - b);
      const expected = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(median(values)).toBe(expected);
    }
  });

  it('does not overflow when averaging huge values', () => {
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
    expect(median([-1.7e308, -1.6e308])! / -1.65e308).toBeCloseTo(1, 15);
  });

  it('handles infinities and NaN', () => {
    expect(median([Infinity, 1, 2])).toBe(2);
    expect(median([Infinity, Infinity])).toBe(Infinity);
    expect(median([-Infinity, Infinity])).toBeNaN();
    expect(median([1, NaN, 3])).toBeNaN();
  });

  describe('long lists (found by selection, not sorting)', () => {
    const bySort = (values: readonly number[]): number => {
      const sorted = Float64Array.from(values).sort();
      const n = sorted.length;
      if (n % 2 === 1) return sorted[n >> 1];
      const lo = sorted[n / 2 - 1];
      const hi = sorted[n / 2];
      return Number.isFinite(lo + hi) ? (lo + hi) / 2 : lo / 2 + hi / 2;
    };

    it('gives what sorting gives, zeros and their signs included', () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, -0, Infinity, -Infinity), fc.double({ noNaN: true })), {
            minLength: 257,
            maxLength: 3000,
          }),
          (values) => {
            expect(median(values)).toBe(bySort(values));
          },
        ),
        { numRuns: 300 },
      );
    });

    it('on orders that defeat a naive pivot: sorted, reversed, equal, organ pipe, many repeats', () => {
      const n = 100_001;
      const shapes: number[][] = [
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, () => 7),
        Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
        Array.from({ length: n - 1 }, (_, i) => i % 3),
        Array.from({ length: n }, (_, i) => (i % 2 ? -0 : 0)),
      ];
      for (const values of shapes) expect(median(values)).toBe(bySort(values));
    });
  });
});
