import { correlationPValue } from '../../../src/core/stats/correlationPValue';
import { studentTTwoSidedP } from '../../../src/core/stats/studentT';
import { expectRel } from './helpers';

describe('correlationPValue', () => {
  // References: R's cor.test p-value, 2*pt(-abs(t), n-2) with t = r*sqrt((n-2)/(1-r^2)),
  // reproduced with 50-digit mpmath for the exact double r.
  const reference: Array<[number, number, number]> = [
    [0.5, 20, 0.024769558804109693],
    [0.1, 100, 0.32221736303061964],
    [0.9, 5, 0.037386073468498633],
    [0.3, 30, 0.10724594805795436],
    [0.99, 10, 4.3227184375000153e-8],
    [0.999999, 50, 1.9220857437666101e-138],
    [0.05, 10000, 5.6590455105988167e-7],
    [0.2, 3, 0.87181156630205013],
    [0.01, 1e6, 1.5203198039927248e-23],
  ];
  it.each(reference)('r = %p with %p pairs gives %p', (r, pairs, expected) => {
    expectRel(correlationPValue(r, pairs)!, expected, 1e-12);
    expectRel(correlationPValue(-r, pairs)!, expected, 1e-12);
  });

  it('matches closed forms: 3 pairs → (2/π)·acos|r|, 4 pairs → 1 − |r|', () => {
    for (let k = 1; k < 100; k++) {
      const r = k / 100;
      expectRel(correlationPValue(r, 3)!, (2 / Math.PI) * Math.acos(r), 1e-13);
      expectRel(correlationPValue(-r, 4)!, 1 - r, 1e-13);
    }
  });

  it('equals studentTTwoSidedP(r·√((n − 2)/(1 − r²)), n − 2)', () => {
    for (const pairs of [3, 4, 5, 8, 13, 30, 101, 1000, 123456]) {
      for (const r of [-0.95, -0.6, -0.2, -0.01, 0.003, 0.15, 0.4, 0.75, 0.98]) {
        const t = r * Math.sqrt((pairs - 2) / (1 - r * r));
        const expected = studentTTwoSidedP(t, pairs - 2);
        if (expected < 1e-300) continue;
        expectRel(correlationPValue(r, pairs)!, expected, 1e-11);
      }
    }
  });

  it('returns 0 for |r| ≥ 1 and 1 for r = 0', () => {
    for (const pairs of [3, 10, 1e6]) {
      expect(correlationPValue(1, pairs)).toBe(0);
      expect(correlationPValue(-1, pairs)).toBe(0);
      expect(correlationPValue(1 + 1e-15, pairs)).toBe(0);
      expect(correlationPValue(0, pairs)).toBe(1);
      expect(correlationPValue(-0, pairs)).toBe(1);
    }
  });

  it('stays accurate and positive as |r| → 1', () => {
    const almostOne = 1 - 2 ** -52;
    const p = correlationPValue(almostOne, 10)!;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-50);
    // With 4 pairs p = 1 − |r| exactly.
    expectRel(correlationPValue(almostOne, 4)!, 2 ** -52, 1e-12);
  });

  it('returns null for fewer than 3 pairs or a non-finite count', () => {
    expect(correlationPValue(0.5, 2)).toBeNull();
    expect(correlationPValue(0.5, 0)).toBeNull();
    expect(correlationPValue(0.5, -5)).toBeNull();
    expect(correlationPValue(0.5, NaN)).toBeNull();
    expect(correlationPValue(0.5, Infinity)).toBeNull();
  });

  it('returns NaN for NaN r', () => {
    expect(correlationPValue(NaN, 10)).toBeNaN();
  });

  it('is decreasing in |r| and in the number of pairs', () => {
    let previous = 1;
    for (let r = 0; r < 1; r += 0.01) {
      const p = correlationPValue(r, 25)!;
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
    previous = 1;
    for (let pairs = 3; pairs < 500; pairs++) {
      const p = correlationPValue(0.3, pairs)!;
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
  });
});
