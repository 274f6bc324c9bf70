import { regularizedIncompleteBeta as I } from '../../../src/core/stats/incompleteBeta';
import { expectRel, mulberry32 } from './helpers';

describe('regularizedIncompleteBeta', () => {
  // Reference values: 50-digit mpmath (R: pbeta(x, a, b)).
  const reference: Array<[number, number, number, number]> = [
    [0.5, 2, 3, 0.6875],
    [0.3, 0.5, 0.5, 0.3690101195655454],
    [0.9, 10, 2, 0.6973568802],
    [0.25, 0.1, 5, 0.9851328280062662],
    [0.7, 3, 0.5, 0.1599305274264515],
    [0.01, 2, 200, 0.5980609754261141],
    [0.2, 5, 7.5, 0.06091759985405118],
    [0.999, 200, 0.5, 0.5272441070252354],
    [0.4, 1000, 1500, 0.5010858488742148],
  ];
  it.each(reference)('I_%p(%p, %p) matches the reference', (x, a, b, expected) => {
    expectRel(I(x, a, b), expected, a + b > 1000 ? 1e-11 : 1e-13);
  });

  it('returns exactly 0 at x = 0 and exactly 1 at x = 1', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [2, 3],
      [1e6, 0.5],
      [0.5, 1e6],
      [300, 400],
    ]) {
      expect(I(0, a, b)).toBe(0);
      expect(I(1, a, b)).toBe(1);
    }
  });

  it('I_x(1, 1) = x', () => {
    for (let k = 1; k < 100; k++) expectRel(I(k / 100, 1, 1), k / 100, 1e-15);
  });

  it('I_x(½, ½) = (2/π)·asin(√x)', () => {
    for (let k = 1; k < 100; k++) {
      const x = k / 100;
      expectRel(I(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)), 1e-14);
    }
  });

  it('I_x(a, 1) = x^a, including very large a (Student-t-like regime)', () => {
    for (const a of [0.3, 2, 7.5, 99, 100, 101, 1e3, 1e5, 1e7, 1e9, 1e12]) {
      for (const lambda of [1e-3, 0.1, 1, 5, 30, 200]) {
        const x = 1 - lambda / a;
        if (!(x > 0 && x < 1)) continue;
        const exact = Math.exp(a * Math.log(x));
        if (exact < 1e-300) continue;
        expectRel(I(x, a, 1), exact, 1e-13);
      }
    }
  });

  it('I_x(a, 2) = x^a·(1 + a(1 − x)), including very large a', () => {
    for (const a of [3, 50, 150, 1e4, 1e8, 1e13]) {
      for (const lambda of [0.01, 0.5, 2, 10, 60]) {
        const x = 1 - lambda / a;
        if (!(x > 0 && x < 1)) continue;
        const y = 1 - x; // exact (Sterbenz)
        const exact = Math.exp(a * Math.log(x)) * (1 + a * y);
        expectRel(I(x, a, 2), exact, 1e-13);
      }
    }
  });

  it('matches the finite sum for integer b: I_x(a, n) = xᵃ Σ_{j<n} Γ(a + j)/(Γ(a) j!) (1 − x)ʲ, for large a', () => {
    // Covers the large-a expansion (a ≥ 100, b ≤ 10, x ≥ 0.61) for every integer b it handles.
    let worst = 0;
    for (let n = 1; n <= 10; n++) {
      for (const a of [100, 250.5, 3e3, 7e5, 2e9, 5e13]) {
        for (const x of [0.61, 0.7, 0.9, 0.99, 1 - 1 / a, 1 - 10 / a, 1 - 50 / a]) {
          const y = 1 - x;
          let term = 1;
          let sum = 1;
          for (let j = 1; j < n; j++) {
            term *= ((a + j - 1) / j) * y;
            sum += term;
          }
          const exact = Math.exp(a * Math.log(x)) * sum;
          if (exact < 1e-300 || exact > 0.999) continue;
          worst = Math.max(worst, Math.abs(I(x, a, n) - exact) / exact);
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('stays accurate where an expansion coefficient vanishes (g₂ = 0 at b = 1.4)', () => {
    // 40-digit mpmath betainc references.
    expectRel(I(0.61, 100, 1.4), 1.6796811949240078e-21, 1e-12);
    expectRel(I(0.62, 150, 1.4), 4.1278207226454722e-31, 1e-12);
    expectRel(I(0.9, 100, 1.4), 7.796870828379149e-5, 1e-12);
  });

  it('I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const b of [0.2, 1.5, 40, 1e4, 1e8]) {
      for (const x of [1e-9, 1e-5, 0.01, 0.3, 0.8]) {
        const exact = -Math.expm1(b * Math.log1p(-x));
        expectRel(I(x, 1, b), exact, 1e-13);
      }
    }
  });

  it('matches binomial tail sums: I_p(k, n − k + 1) = P(Binomial(n, p) ≥ k)', () => {
    for (const n of [1, 5, 12, 30, 60]) {
      for (const p of [0.01, 0.2, 0.5, 0.77, 0.95]) {
        // pmf by the recurrence, tail by summing from the top.
        const pmf: number[] = [Math.pow(1 - p, n)];
        for (let j = 1; j <= n; j++) pmf.push((pmf[j - 1] * (n - j + 1) * p) / (j * (1 - p)));
        let tail = 0;
        for (let k = n; k >= 1; k--) {
          tail += pmf[k];
          if (tail < 1e-290) continue;
          expectRel(I(p, k, n - k + 1), tail, 1e-12);
        }
      }
    }
  });

  it('satisfies the symmetry I_x(a, b) + I_{1−x}(b, a) = 1', () => {
    const rand = mulberry32(12345);
    for (let i = 0; i < 500; i++) {
      const a = Math.pow(10, -1 + 4 * rand());
      const b = Math.pow(10, -1 + 4 * rand());
      const x = Math.round(rand() * 1023 + 1) / 1025; // 1 − x is exact
      expect(Math.abs(I(x, a, b) + I(1 - x, b, a) - 1)).toBeLessThan(1e-13);
    }
  });

  it('is non-decreasing in x', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [2, 3],
      [50, 0.5],
      [5e5, 0.5],
      [0.5, 5e5],
      [120, 8],
    ]) {
      let previous = 0;
      let violations = 0;
      for (let k = 0; k <= 2000; k++) {
        const value = I(k / 2000, a, b);
        if (value < previous - 1e-15 || value > 1) violations++;
        previous = value;
      }
      expect(violations).toBe(0);
    }
  });

  it('is continuous across the switch between continued fraction and large-a expansion', () => {
    // a = 100 and x = e^(−1/2) are the switch points.
    for (const b of [0.5, 3, 9.9]) {
      for (const x of [0.5, 0.9, 0.99]) {
        const below = I(x, 100 - 1e-13, b);
        const above = I(x, 100 + 1e-13, b);
        expectRel(above, below, 1e-11);
      }
    }
    const edge = Math.exp(-0.5);
    expectRel(I(edge * (1 - 1e-12), 400, 0.5), I(edge * (1 + 1e-12), 400, 0.5), 1e-8);
  });

  it('uses the optional oneMinusX to keep precision when x rounds to 1', () => {
    // I_x(a, 1) = x^a = exp(a·ln(1 − y)) ≈ e^(−a·y) for tiny y.
    const a = 1e17;
    const y = 1e-17; // 1 − y rounds to 1 in double precision
    expect(1 - y).toBe(1);
    expectRel(I(1 - y, a, 1, y), Math.exp(a * Math.log1p(-y)), 1e-13);
    expect(I(1 - y, a, 1)).toBe(1); // without it, x is exactly 1
  });

  it('propagates NaN and throws RangeError on invalid arguments', () => {
    expect(I(NaN, 1, 1)).toBeNaN();
    expect(I(0.5, NaN, 1)).toBeNaN();
    expect(I(0.5, 1, NaN)).toBeNaN();
    expect(() => I(-0.1, 1, 1)).toThrow(RangeError);
    expect(() => I(1.1, 1, 1)).toThrow(RangeError);
    expect(() => I(0.5, 0, 1)).toThrow(RangeError);
    expect(() => I(0.5, 1, -2)).toThrow(RangeError);
    expect(() => I(0.5, Infinity, 1)).toThrow(RangeError);
  });
});
