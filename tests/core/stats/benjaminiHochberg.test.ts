import fc from 'fast-check';
import { benjaminiHochberg } from '../../../src/core/stats/benjaminiHochberg';

describe('benjaminiHochberg', () => {
  test('a hand-worked example (as R: p.adjust(c(.01, .04, .03, .2), "BH"))', () => {
    // Sorted: .01 (rank 1), .03 (2), .04 (3), .2 (4); m·p/rank = .04, .06, .0533…, .2; running minimum from the top.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 15);
    expect(q[1]).toBeCloseTo(0.16 / 3, 15);
    expect(q[2]).toBeCloseTo(0.16 / 3, 15); // .03 takes .04's value (0.06 > 0.0533)
    expect(q[3]).toBeCloseTo(0.2, 15);
  });
  test("Benjamini & Hochberg (1995)'s own example: of 15 p-values, the first 4 are discoveries at 0.05", () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const q = benjaminiHochberg(p) as number[];
    expect(q.map((x) => x < 0.05)).toEqual(p.map((_, i) => i < 4));
    expect(q[3]).toBeCloseTo((15 * 0.0095) / 4, 15);
    expect(q[4]).toBeCloseTo((15 * 0.0201) / 5, 15);
    expect(q[14]).toBe(1);
  });
  test('tests without a p-value (null) are left out of m and keep a null q', () => {
    expect(benjaminiHochberg([null, 0.02, null, 0.04])).toEqual([null, 0.04, null, 0.04]);
    expect(benjaminiHochberg([null])).toEqual([null]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
  test('q is capped at 1; a p-value outside 0..1 is refused', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(() => benjaminiHochberg([0.5, NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.5])).toThrow(RangeError);
  });
  test('q ≥ p, q keeps the order of p, the order of the input does not matter, and q < α is the step-up rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.001, max: 0.3, noNaN: true }),
        (p, alpha) => {
          const q = benjaminiHochberg(p) as number[];
          const m = p.length;
          p.forEach((pi, i) => {
            expect(q[i]).toBeGreaterThanOrEqual(pi);
            expect(q[i]).toBeLessThanOrEqual(1);
            p.forEach((pj, j) => {
              if (pi < pj) expect(q[i]).toBeLessThanOrEqual(q[j]);
            });
          });
          const reversed = benjaminiHochberg([...p].reverse()) as number[];
          expect(reversed).toEqual([...q].reverse());
          // Step-up: the largest rank k with p(k) ≤ k·α/m; every test up to it is a discovery.
          const sorted = [...p].sort((a, b) => a - b);
          let k = 0;
          sorted.forEach((v, i) => {
            if (v <= ((i + 1) * alpha) / m) k = i + 1;
          });
          const cut = k === 0 ? -Infinity : sorted[k - 1];
          p.forEach((pi, i) => {
            // Away from the boundary (rounding in m·p/rank), q ≤ α exactly for the discoveries.
            if (Math.abs(pi - cut) > 1e-12 && Math.abs(q[i] - alpha) > 1e-12) expect(q[i] <= alpha).toBe(pi <= cut);
          });
        },
      ),
    );
  });
});
