import { studentTCdf, studentTTwoSidedP } from '../../../src/core/stats/studentT';
import { normalCdf } from '../../../src/core/stats/normal';
import { expectRel, relErr, simpson } from './helpers';

/**
 * Two-sided p-value for integer df from the finite trigonometric sums of
 * Abramowitz & Stegun 26.7.3–26.7.4 (θ = atan(|t|/√ν)); independent of the
 * incomplete beta function. Computed as 1 − A, so only use it where p is not tiny.
 */
function closedFormP(t: number, nu: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(nu));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  let a: number;
  if (nu % 2 === 1) {
    let sum = 1;
    let term = 1;
    for (let k = 1; k <= (nu - 3) / 2; k++) {
      term *= ((2 * k) / (2 * k + 1)) * c2;
      sum += term;
    }
    a = nu === 1 ? (2 * theta) / Math.PI : (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
  } else {
    let sum = 1;
    let term = 1;
    for (let k = 1; k <= (nu - 2) / 2; k++) {
      term *= ((2 * k - 1) / (2 * k)) * c2;
      sum += term;
    }
    a = s * sum;
  }
  return 1 - a;
}

/**
 * Two-sided p-value by composite Simpson integration of the (unnormalised) t
 * density, normalised numerically too, so it shares nothing with the
 * implementation. The tail ∫_{|t|}^∞ is mapped to s ∈ (0, 1] by u = |t|/s to
 * keep relative accuracy far out. Requires df ≥ 1.
 */
function simpsonP(t: number, nu: number, intervals = 6000): number {
  const logH = (u: number): number => {
    const l = u > 1e100 ? 2 * Math.log(u) - Math.log(nu) : Math.log1p((u * u) / nu);
    return (-(nu + 1) / 2) * l;
  };
  const h = (u: number): number => Math.exp(logH(u));
  // ∫_c^∞ h(u) du = ∫_0^1 h(c/s)·c/s² ds for c > 0.
  const upper = (c: number): number =>
    simpson((s) => (s === 0 ? (nu === 1 ? 1 / c : 0) : Math.exp(logH(c / s) + Math.log(c) - 2 * Math.log(s))), 0, 1, intervals);
  const half = simpson(h, 0, 1, intervals) + upper(1); // ∫_0^∞ h
  const at = Math.abs(t);
  const tail = at >= 1 ? upper(at) : half - simpson(h, 0, at, intervals);
  return tail / half;
}

describe('studentTTwoSidedP', () => {
  // References: R's 2*pt(-abs(t), df), reproduced with 50-digit mpmath.
  const reference: Array<[number, number, number]> = [
    [2, 10, 0.07338803477074037],
    [2.228139, 10, 0.04999998745288257],
    [1.96, 1000, 0.05027318495574871],
    [1, 1, 0.5],
    [3, 5, 0.03009924789746257],
    [0.5, 3, 0.651447964848151],
    [10, 2, 0.009852457023325691],
    [2.5, 30, 0.01811564906806669],
    [4, 100, 0.0001215236443007617],
    [50, 3, 1.761715204127197e-5],
    [100, 1, 0.00636598552981651],
    [1e-8, 5, 0.9999999924078662],
    [1, 0.5, 0.6022432216826442],
    [2.5, 2.5, 0.1045699630781554],
    [20, 20, 1.079986453421048e-14],
    [0.3, 7.5, 0.7723226585687781],
    [12.706204736174698, 1, 0.05], // qt(0.975, 1)
    [2.0859634472658644, 20, 0.05], // qt(0.975, 20)
    [8, 40, 7.905084110104539e-10],
    [1e5, 3, 2.205315580893255e-15],
    [1.96, 1e6, 0.04999606758526979],
    [6, 1e6, 1.973849812354435e-9],
    [1.96, 1e10, 0.04999579032416974],
  ];
  it.each(reference)('t = %p, df = %p gives %p', (t, df, expected) => {
    expectRel(studentTTwoSidedP(t, df), expected, 1e-12);
    expectRel(studentTTwoSidedP(-t, df), expected, 1e-12);
  });

  it('matches the values quoted from R to the digits quoted', () => {
    expect(studentTTwoSidedP(-2, 10)).toBeCloseTo(0.07338803, 8);
    expect(studentTTwoSidedP(-2.228139, 10)).toBeCloseTo(0.05, 7);
    expect(studentTTwoSidedP(-1.96, 1000)).toBeCloseTo(0.05027, 5);
    expect(studentTTwoSidedP(-1, 1)).toBeCloseTo(0.5, 15); // exact in theory; within 1e-15 here
    expect(studentTTwoSidedP(-3, 5)).toBeCloseTo(0.03009925, 8);
  });

  it('agrees with the Cauchy closed form for df = 1: p = (2/π)·atan(1/|t|)', () => {
    for (let e = -6; e <= 12; e += 0.5) {
      const t = Math.pow(10, e);
      expectRel(studentTTwoSidedP(t, 1), (2 / Math.PI) * Math.atan(1 / t), 1e-13);
      expectRel(studentTTwoSidedP(t, 1), 1 - (2 / Math.PI) * Math.atan(t), t < 1e3 ? 1e-10 : 1e-3);
    }
  });

  it('agrees with the closed form for df = 2: p = 1 − |t|/√(2 + t²)', () => {
    for (let e = -6; e <= 12; e += 0.5) {
      const t = Math.pow(10, e);
      const r = Math.sqrt(2 + t * t);
      const cancellationFree = 2 / (r * (r + t)); // = 1 − t/r
      expectRel(studentTTwoSidedP(t, 2), cancellationFree, 1e-13);
      if (t < 100) expectRel(studentTTwoSidedP(t, 2), 1 - t / r, 1e-10);
    }
  });

  it('agrees with the A&S finite sums for integer df 1…60 over a grid of t', () => {
    let worst = 0;
    for (let nu = 1; nu <= 60; nu++) {
      for (const t of [0.01, 0.1, 0.4, 0.8, 1, 1.3, 1.7, 2, 2.5, 3, 4, 5, 7]) {
        const expected = closedFormP(t, nu);
        if (expected < 1e-5) continue; // 1 − A loses digits in the far tail
        const err = relErr(studentTTwoSidedP(t, nu), expected);
        worst = Math.max(worst, err);
      }
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('agrees with Simpson integration of the density over a grid of t and fractional df', () => {
    let worst = 0;
    for (const nu of [1, 1.5, 2.5, 3.7, 7.3, 12.5, 30.5, 100.5, 1000.5]) {
      for (const t of [0.1, 0.5, 1, 1.5, 2, 3, 5, 8]) {
        const err = relErr(studentTTwoSidedP(t, nu), simpsonP(t, nu));
        worst = Math.max(worst, err);
      }
    }
    // Four significant digits are required; Simpson with 6000 intervals gives far more.
    expect(worst).toBeLessThan(1e-6); // measured: 2.4e-7 (Simpson's own error, largest at df = 1.5)
  });

  it('approaches the normal distribution as df grows, and equals it at df = Infinity', () => {
    for (const t of [0.5, 1.96, 3, 5]) {
      const normal = 2 * normalCdf(-t);
      expect(relErr(studentTTwoSidedP(t, 1e6), normal)).toBeLessThan(1e-4 * t * t);
      expect(relErr(studentTTwoSidedP(t, 1e12), normal)).toBeLessThan(1e-10 * t * t);
      expect(relErr(studentTTwoSidedP(t, 1e15), normal)).toBeLessThan(1e-12 * t * t);
      expect(studentTTwoSidedP(t, Infinity)).toBe(normal);
    }
    // The first-order correction: p_df ≈ p_normal + φ(t)(t³ + t)/(2df).
    const t = 1.96;
    const df = 1e6;
    const phi = Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
    expectRel(studentTTwoSidedP(t, df) - 2 * normalCdf(-t), (phi * (t ** 3 + t)) / (2 * df), 1e-4);
  });

  it('handles t = 0, infinite t, huge t and NaN', () => {
    for (const df of [0.5, 1, 10, 1e6, Infinity]) {
      expect(studentTTwoSidedP(0, df)).toBe(1);
      expect(studentTTwoSidedP(-0, df)).toBe(1);
      expect(studentTTwoSidedP(Infinity, df)).toBe(0);
      expect(studentTTwoSidedP(-Infinity, df)).toBe(0);
      expect(studentTTwoSidedP(NaN, df)).toBeNaN();
    }
    expect(studentTTwoSidedP(1e-300, 5)).toBe(1);
    expect(studentTTwoSidedP(40, 1e6)).toBe(0); // 1.4e-349 underflows
    expect(studentTTwoSidedP(1e200, 10)).toBe(0);
    expect(studentTTwoSidedP(1e200, 1e6)).toBe(0);
  });

  it('keeps heavy tails for tiny df even when t² overflows', () => {
    // Cauchy: p = (2/π)·atan(1/|t|) ≈ 2/(π|t|); df = 2: p = 1 − |t|/√(2 + t²) ≈ 1/t².
    expectRel(studentTTwoSidedP(1e200, 1), 2 / (Math.PI * 1e200), 1e-13);
    expectRel(studentTTwoSidedP(-1e300, 1), 2 / (Math.PI * 1e300), 1e-13);
    expectRel(studentTTwoSidedP(1e154, 2), 1e-308, 1e-10);
    // Small df: p ~ C·|t|^(−df) stays far from underflow.
    const p = studentTTwoSidedP(1e200, 0.5);
    expect(p).toBeGreaterThan(1e-101);
    expect(p).toBeLessThan(1e-99);
    expectRel(studentTTwoSidedP(1e250, 0.5) / studentTTwoSidedP(1e200, 0.5), 1e-25, 1e-12);
  });

  it('is decreasing in |t|', () => {
    for (const df of [1, 3, 30, 5e5]) {
      let previous = 1;
      let violations = 0;
      for (let t = 0; t <= 40; t += 0.05) {
        const p = studentTTwoSidedP(t, df);
        if (p > previous || p < 0) violations++;
        previous = p;
      }
      expect(violations).toBe(0);
    }
  });

  it('throws a RangeError unless df > 0', () => {
    expect(() => studentTTwoSidedP(1, 0)).toThrow(RangeError);
    expect(() => studentTTwoSidedP(1, -3)).toThrow(RangeError);
    expect(() => studentTTwoSidedP(1, NaN)).toThrow(RangeError);
    expect(() => studentTTwoSidedP(NaN, -1)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches R pt() values', () => {
    expectRel(studentTCdf(-2, 10), 0.036694017385370183, 1e-13);
    expectRel(studentTCdf(2, 10), 0.9633059826146298, 1e-15);
    expectRel(studentTCdf(-0.5, 3), 0.3257239824240755, 1e-13);
    expectRel(studentTCdf(1, 1), 0.75, 1e-15);
    expect(studentTCdf(0, 4)).toBe(0.5);
  });

  it('is consistent with the two-sided p-value and symmetric', () => {
    for (const df of [1, 2.5, 17, 1e4]) {
      for (const t of [0.2, 1, 2.3, 6]) {
        const p = studentTTwoSidedP(t, df);
        expectRel(studentTCdf(-t, df), p / 2, 1e-15);
        expect(Math.abs(studentTCdf(t, df) + studentTCdf(-t, df) - 1)).toBeLessThan(1e-15);
      }
    }
  });

  it('handles infinities, NaN and invalid df', () => {
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(NaN, 3)).toBeNaN();
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
  });
});
