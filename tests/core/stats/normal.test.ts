import { Z95, normalCdf, normalQuantile } from '../../../src/core/stats/normal';
import { expectRel, mulberry32 } from './helpers';

/** Φ(x) = ½ + φ(x)·Σ x^(2n+1)/(1·3·…·(2n+1)) (Marsaglia 2004); independent check for moderate |x|. */
function phiSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= (x * x) / (2 * n + 1);
    sum += term;
  }
  return 0.5 + (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * sum;
}

/** Upper tail Q(x) = φ(x)/(x + 1/(x + 2/(x + 3/(x + …)))) (Laplace's continued fraction), for x ≥ 3. */
function upperTailContinuedFraction(x: number): number {
  let f = x;
  for (let k = 300; k >= 1; k--) f = x + k / f;
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI) / f;
}

describe('normalCdf', () => {
  // References: R's pnorm, reproduced with 50-digit mpmath.
  const reference: Array<[number, number]> = [
    [0, 0.5],
    [1, 0.84134474606854295],
    [-1, 0.15865525393145705],
    [-1.96, 0.02499789514822043],
    [1.959963984540054, 0.975],
    [0.1, 0.539827837277029],
    [-0.6744897501960817, 0.25],
    [3, 0.9986501019683699],
    [-3, 0.0013498980316300945],
    [-5, 2.8665157187919391e-7],
    [-8, 6.220960574271784e-16],
    [-10, 7.6198530241605261e-24],
    [-20, 2.753624118606234e-89],
    [-37, 5.725571222524577e-300],
    [-1e-10, 0.4999999999601058],
    [1e-10, 0.5000000000398942],
    [8, 0.99999999999999938],
  ];
  it.each(reference)('Φ(%p) = %p to 1e-15 relative', (x, expected) => {
    expectRel(normalCdf(x), expected, 1e-15);
  });

  it('agrees with the Taylor series on [−3, 3] and Laplace’s continued fraction in the lower tail', () => {
    // The series is accurate in absolute terms (it computes ½ ± something).
    for (let x = -3; x <= 3; x += 0.01) expect(Math.abs(normalCdf(x) - phiSeries(x))).toBeLessThan(5e-16);
    // The continued fraction is accurate in relative terms in the tail.
    for (let x = 2.5; x <= 38; x += 0.125) expectRel(normalCdf(-x), upperTailContinuedFraction(x), 2e-15);
  });

  it('satisfies Φ(x) + Φ(−x) = 1', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = (rand() - 0.5) * 20;
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2.3e-16);
    }
  });

  it('handles infinities, extreme values and NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-50)).toBe(0);
    expect(normalCdf(50)).toBe(1);
    expect(normalCdf(-1e300)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalCdf(-38.4)).toBeGreaterThan(0); // subnormal but not yet zero
  });
});

describe('normalQuantile', () => {
  // References: the exact quantile of each double p (bisection on 60-digit mpmath
  // erfc). For p near 1 this differs from qnorm of the decimal literal, because
  // e.g. the double nearest 0.99999 is 0.99999 − 6.6e-17 and dx/dp = 1/φ(x) is large.
  const reference: Array<[number, number]> = [
    [0.975, 1.9599639845400539],
    [0.025, -1.9599639845400542],
    [0.995, 2.5758293035489005],
    [0.9, 1.2815515655446006],
    [0.999, 3.0902323061678133],
    [0.7, 0.52440051270804066],
    [0.3, -0.52440051270804082],
    [0.01, -2.3263478740408411],
    [0.99999, 4.2648907939238408],
    [1e-5, -4.2648907939228246],
    [1e-10, -6.3613409024040562],
    [1e-300, -37.047096299361199],
    [0.5000001, 2.5066282733116483e-7],
  ];
  it.each(reference)('Φ⁻¹(%p) = %p to 1e-14 relative', (p, expected) => {
    expectRel(normalQuantile(p), expected, 1e-14);
  });

  it('gives qnorm(0.975) = 1.959963984540054 and qnorm(0.995) = 2.575829', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts normalCdf (round trip over the lower tail and the body)', () => {
    // Φ(x) changes by a relative |x|·dx per absolute dx, so one ulp of x near −37
    // already moves Φ by ~2.6e-13: scale the tolerance with that conditioning.
    for (let e = -300; e <= -1; e += 1) {
      const p = Math.pow(10, e);
      const x = normalQuantile(p);
      expectRel(normalCdf(x), p, Math.max(1e-14, 4 * x * x * Number.EPSILON));
    }
    const rand = mulberry32(99);
    for (let i = 0; i < 2000; i++) {
      const p = rand() * 0.999 + 0.0005;
      expectRel(normalCdf(normalQuantile(p)), p, 1e-14);
    }
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) for p where 1 − p is exact', () => {
    for (let k = 1; k < 1024; k++) {
      const p = k / 1024;
      expect(normalQuantile(1 - p) + normalQuantile(p)).toBe(0);
    }
  });

  it('stays finite for the smallest positive double', () => {
    const x = normalQuantile(Number.MIN_VALUE);
    expect(Number.isFinite(x)).toBe(true);
    expect(x).toBeLessThan(-38);
    expect(x).toBeGreaterThan(-39);
  });

  it('throws a RangeError outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.1, NaN, Infinity, -Infinity]) {
      expect(() => normalQuantile(p)).toThrow(RangeError);
    }
  });
});

describe('Z95', () => {
  test('is the exact quantile Φ⁻¹(0.975), not a rounded constant (DOMAIN.md)', () => {
    expect(Z95).toBe(normalQuantile(0.975));
    expect(Z95).toBe(normalQuantile((1 + 0.95) / 2)); // what NPS_DETAIL computes from its default level
    expect(Z95).toBe(1.959963984540054);
  });
});
