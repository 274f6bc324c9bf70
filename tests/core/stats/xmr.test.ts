import fc from 'fast-check';
import { xmr } from '../../../src/core/stats/xmr';

describe('xmr: signal or noise (DOMAIN.md, Wheeler)', () => {
  test('centre = mean, limits = mean ± 2.66 · mean moving range; a value beyond a limit is a signal', () => {
    const c = xmr([10, 12, 11, 13, 12, 30])!;
    // Mean 88/6; moving ranges 2, 1, 2, 1, 18: mean 4.8; limits 14.667 ± 12.768.
    expect(c.centre).toBeCloseTo(88 / 6, 14);
    expect(c.meanMovingRange).toBeCloseTo(4.8, 14);
    expect(c.lower).toBeCloseTo(88 / 6 - 2.66 * 4.8, 12);
    expect(c.upper).toBeCloseTo(88 / 6 + 2.66 * 4.8, 12);
    expect(c.signals).toEqual([null, null, null, null, null, 'outside']);
  });
  test('the 8th value in a row on one side of the centre line is a signal, and so is every one after it', () => {
    // Swings, then 9 values above the centre (5.857) but well inside the limits (± 12.5).
    const c = xmr([0, 10, 0, 10, 0, 10, 6, 7, 6, 7, 6, 7, 6, 7])!;
    expect(c.upper).toBeGreaterThan(10);
    expect(c.signals).toEqual([null, null, null, null, null, null, null, null, null, null, null, null, 'run', 'run']);
  });
  test('a single jump is not a signal unless it leaves the limits: routine variation stays routine', () => {
    const c = xmr([100, 104, 97, 101, 99, 103, 96, 102, 98, 106])!;
    expect(c.signals.every((s) => s === null)).toBe(true);
  });
  test('a value on the centre line ends a run; equal values are never a signal', () => {
    const run = [1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1]; // mean 1.125: 7 below, one above, 8 below
    const c = xmr(run)!;
    expect(c.signals.slice(0, 7).every((s) => s === null)).toBe(true);
    expect(c.signals[15]).toBe('run');
    expect(xmr([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])!.signals.every((s) => s === null)).toBe(true);
  });
  test('fewer than 6 values: null; a value that is not a finite number is refused', () => {
    expect(xmr([1, 2, 3, 4, 5])).toBeNull();
    expect(xmr([])).toBeNull();
    expect(() => xmr([1, 2, 3, 4, 5, NaN])).toThrow(RangeError);
  });
  test('against a direct computation, with a large offset too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 6, maxLength: 60 }),
        fc.constantFrom(0, 1e6),
        (xs, offset) => {
          const v = xs.map((x) => x + offset);
          const c = xmr(v)!;
          const mean = xs.reduce((s, x) => s + x, 0) / xs.length + offset;
          let mr = 0;
          for (let t = 1; t < xs.length; t++) mr += Math.abs(xs[t] - xs[t - 1]);
          mr /= xs.length - 1;
          const tol = 1e-9 * Math.max(1, Math.abs(mean));
          expect(Math.abs(c.centre - mean)).toBeLessThanOrEqual(tol);
          expect(Math.abs(c.meanMovingRange - mr)).toBeLessThanOrEqual(1e-9 * Math.max(1, mr) + (offset ? 1e-6 : 0));
          expect(c.lower).toBeLessThanOrEqual(c.centre);
          expect(c.upper).toBeGreaterThanOrEqual(c.centre);
          c.signals.forEach((s, i) => {
            if (s === 'outside') expect(v[i] < c.lower || v[i] > c.upper).toBe(true);
            else expect(v[i] >= c.lower && v[i] <= c.upper).toBe(true);
          });
        },
      ),
    );
  });
});
