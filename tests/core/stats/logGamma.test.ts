import { logGamma } from '../../../src/core/stats/logGamma';
import { expectRel } from './helpers';

describe('logGamma', () => {
  // Reference values: mpmath loggamma at 50 digits (equal to R's lgamma to the digits shown).
  const reference: Array<[number, number]> = [
    [0.5, 0.57236494292470009], // ln √π
    [3, 0.69314718055994531], // ln 2
    [1e-10, 23.025850929882735],
    [0.1, 2.252712651734206],
    [1.5, -0.12078223763524522],
    [5, 3.1780538303479456], // ln 24
    [10, 12.80182748008147], // ln 362880
    [100.5, 361.43554046777762],
    [1000, 5905.2204232091812],
    [1e6, 12815504.569147612],
    [3.7, 1.4280723266653879],
    [171, 706.57306224578735],
    [1e300, 6.8977552789821371e302],
    [2.5e-300, 689.85923716633955],
  ];
  it.each(reference)('logGamma(%p) matches the reference to 1e-14', (x, expected) => {
    expectRel(logGamma(x), expected, 1e-14);
  });

  it('is exactly 0 at 1 and 2', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
  });

  it('matches ln((n-1)!) for integers up to 30', () => {
    let logFactorial = 0; // ln((n-1)!)
    for (let n = 1; n <= 30; n++) {
      if (n > 1) logFactorial += Math.log(n - 1);
      if (n <= 2) expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThan(1e-15);
      else expectRel(logGamma(n), logFactorial, 2e-15);
    }
  });

  it('satisfies the recurrence lnΓ(x+1) = lnΓ(x) + ln x over a wide grid', () => {
    for (let e = -8; e <= 8; e += 0.25) {
      const x = Math.pow(10, e);
      const lhs = logGamma(x + 1);
      const rhs = logGamma(x) + Math.log(x);
      // Compare on the scale of the terms involved, since lhs can be near 0.
      const scale = Math.max(1, Math.abs(logGamma(x)), Math.abs(Math.log(x)));
      expect(Math.abs(lhs - rhs) / scale).toBeLessThan(1e-14);
    }
  });

  it('satisfies the Legendre duplication formula Γ(x)Γ(x+½) = 2^(1−2x)√π Γ(2x)', () => {
    for (const x of [0.3, 0.75, 1.2, 4.5, 17.25, 123.5]) {
      const lhs = logGamma(x) + logGamma(x + 0.5);
      const rhs = (1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + logGamma(2 * x);
      expect(Math.abs(lhs - rhs)).toBeLessThan(1e-13 * Math.max(1, Math.abs(rhs)));
    }
  });

  it('handles Infinity and NaN', () => {
    expect(logGamma(Infinity)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
  });

  it('throws a RangeError for x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1.5)).toThrow(RangeError);
    expect(() => logGamma(-Infinity)).toThrow(RangeError);
  });
});
