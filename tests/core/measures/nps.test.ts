import { npsChangeSignificant, npsCounts, npsInterval, npsRows, npsValue } from '../../../src/core/measures/nps';
import { Z95 } from '../../../src/core/stats/normal';
import { InputError } from '../../../src/core/values/errors';
import { col, errorOf } from '../helpers';

// 10 answers: promoters 9, 10, 9, 10, 9 (P = 5); passives 7, 8, 8 (3); detractors 6, 0 (D = 2).
const TEN = [9, 10, 9, 10, 9, 7, 8, 8, 6, 0];

describe('NPS (DOMAIN.md)', () => {
  test('promoters ≥ 9, detractors ≤ 6, passives 7–8; NPS = 100·(P − D)/n', () => {
    const c = npsCounts(npsRows(col(TEN, 'scores')));
    expect(c).toEqual({ responses: 10, promoters: 5, passives: 3, detractors: 2 });
    expect(npsValue(c)).toBe(30);
  });
  test('the boundaries 6/7 and 8/9', () => {
    expect(npsValue(npsCounts(npsRows(col([6, 7, 8, 9], 'scores'))))).toBe(0); // 1 promoter, 1 detractor
    expect(npsValue(npsCounts(npsRows(col([6], 'scores'))))).toBe(-100);
    expect(npsValue(npsCounts(npsRows(col([9], 'scores'))))).toBe(100);
    expect(npsValue(npsCounts(npsRows(col([7, 8], 'scores'))))).toBe(0);
  });
  test('blanks are skipped, not zeros (a zero is a detractor)', () => {
    expect(npsValue(npsCounts(npsRows(col([10, '', null, '  ', 10], 'scores'))))).toBe(100);
    expect(npsValue(npsCounts(npsRows(col([10, 0], 'scores'))))).toBe(0);
  });
  test('labelled answers and text', () => {
    expect(npsValue(npsCounts(npsRows(col(['10 - Extremely likely', '0 (Not at all likely)', ' 9 ', '8/10'], 'scores'))))).toBe(25);
  });
  test('a text first row is the header', () => {
    expect(npsValue(npsCounts(npsRows(col(['How likely?', 10, 6], 'scores'))))).toBe(0);
  });
  test.each([11, -1, 7.5, true])('%p is an error', (bad) => {
    expect(errorOf(() => npsRows(col([10, bad], 'scores')))).toBeInstanceOf(InputError);
  });
});

describe('adjusted-Wald interval (Rocks 2016), computed by hand from DOMAIN.md', () => {
  // n = 10, P = 5, D = 2: n' = 13, p = 5.75/13, d = 2.75/13, m = 3/13 = 0.230769…,
  // p + d − m² = 8.5/13 − 9/169 = 101.5/169; se = sqrt(101.5/169/13) = 0.2149403703;
  // margin = 100 · z · se = 42.12753846 (z = Φ⁻¹(0.975) = 1.959963984540054); interval = 23.0769 ± 42.1275 = [−19.0506, 65.2045].
  const c = { responses: 10, promoters: 5, passives: 3, detractors: 2 };
  test('n = 10, P = 5, D = 2', () => {
    const ci = npsInterval(c, Z95);
    expect(ci.m).toBeCloseTo(3 / 13, 12);
    expect(ci.se).toBeCloseTo(Math.sqrt(101.5 / 169 / 13), 12);
    expect(ci.se).toBeCloseTo(0.2149403703, 9);
    expect(ci.marginOfError).toBeCloseTo(100 * 1.959963984540054 * Math.sqrt(101.5 / 169 / 13), 12);
    expect(ci.marginOfError).toBeCloseTo(42.12753846, 6);
    expect(ci.low).toBeCloseTo(-19.05061571, 6);
    expect(ci.high).toBeCloseTo(65.20446187, 6);
  });
  test('clipped to [−100, 100]', () => {
    // n = 1, P = 1: n' = 4, p = 0.4375, d = 0.1875, m = 0.25, se = sqrt((0.625 − 0.0625)/4) = 0.375.
    const ci = npsInterval({ responses: 1, promoters: 1, passives: 0, detractors: 0 }, Z95);
    expect(ci.m).toBe(0.25);
    expect(ci.se).toBe(0.375);
    expect(ci.marginOfError).toBeCloseTo(73.49864942, 8); // 100 · z · 0.375
    expect(ci.low).toBeCloseTo(25 - 73.49864942, 8);
    expect(ci.high).toBeCloseTo(25 + 73.49864942, 8);
    const all = npsInterval({ responses: 10, promoters: 10, passives: 0, detractors: 0 }, Z95);
    expect(all.high).toBe(100);
    expect(all.low).toBeCloseTo((100 * (10.75 - 0.75)) / 13 - all.marginOfError, 9);
  });
});

describe('significance of a change (DOMAIN.md): |m₂ − m₁| > z·sqrt(se₁² + se₂²)', () => {
  test('P 5 → 6 of 10 is not significant', () => {
    const a = npsInterval({ responses: 10, promoters: 5, passives: 3, detractors: 2 }, Z95);
    const b = npsInterval({ responses: 10, promoters: 6, passives: 2, detractors: 2 }, Z95);
    // |m₂ − m₁| = 1/13 = 0.0769; threshold = z·sqrt(0.21494² + 0.22120²) = 0.6045.
    expect(b.m - a.m).toBeCloseTo(1 / 13, 12);
    expect(npsChangeSignificant(a, b)).toBe(false);
  });
  test('all detractors → all promoters is significant', () => {
    const a = npsInterval({ responses: 10, promoters: 0, passives: 0, detractors: 10 }, Z95);
    const b = npsInterval({ responses: 10, promoters: 10, passives: 0, detractors: 0 }, Z95);
    // |m₂ − m₁| = 20/13 = 1.538; threshold = z·sqrt(2)·0.150102 = 0.4161.
    expect(npsChangeSignificant(a, b)).toBe(true);
    expect(npsChangeSignificant(b, a)).toBe(true);
  });
  test('at another level, with its z', () => {
    const a = npsInterval({ responses: 10, promoters: 5, passives: 3, detractors: 2 }, Z95);
    const b = npsInterval({ responses: 10, promoters: 9, passives: 1, detractors: 0 }, Z95);
    const gap = Math.abs(b.m - a.m) / Math.sqrt(a.se * a.se + b.se * b.se);
    expect(npsChangeSignificant(a, b, gap - 1e-9)).toBe(true);
    expect(npsChangeSignificant(a, b, gap + 1e-9)).toBe(false);
  });
});
