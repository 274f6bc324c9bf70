import { bestLag, formatP, leadLagSentence, leadLagTable } from '../../../src/core/measures/leadLag';

/** Plain Pearson r, for checking. */
function r(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
const tOf = (rr: number, pairs: number) => rr * Math.sqrt((pairs - 2) / (1 - rr * rr));
// Closed forms of the two-sided Student t p-value: df = 1 (Cauchy) and df = 2.
const p1 = (t: number) => 1 - (2 / Math.PI) * Math.atan(Math.abs(t));
const p2 = (t: number) => 1 - Math.abs(t) / Math.sqrt(t * t + 2);

describe('lead/lag table (DOMAIN.md "Connecting lead to lag")', () => {
  const lead = [1, 2, 3, 4, 5, 6];
  const lag = [3, 1, 4, 1, 5, 9];
  test('lag k pairs lead[t] with lag[t + k]; r is Pearson; pairs is their number', () => {
    const rows = leadLagTable(lead, lag, 2);
    expect(rows.map((x) => [x.lag, x.pairs])).toEqual([
      [0, 6],
      [1, 5],
      [2, 4],
    ]);
    expect(rows[0].r).toBeCloseTo(r(lead, lag), 12);
    expect(rows[1].r).toBeCloseTo(r([1, 2, 3, 4, 5], [1, 4, 1, 5, 9]), 12);
    expect(rows[2].r).toBeCloseTo(r([1, 2, 3, 4], [4, 1, 5, 9]), 12);
  });
  test('p-value: two-sided from t = r·sqrt((pairs − 2)/(1 − r²)) with pairs − 2 degrees of freedom', () => {
    const rows = leadLagTable(lead, lag, 3);
    expect(rows[2].p).toBeCloseTo(p2(tOf(rows[2].r as number, 4)), 10); // 4 pairs: df = 2
    expect(rows[3].p).toBeCloseTo(p1(tOf(rows[3].r as number, 3)), 10); // 3 pairs: df = 1
  });
  test('pairs where either side is blank (NaN) are left out; fewer than 3 pairs give blanks', () => {
    const rows = leadLagTable([1, NaN, 3, 4, 5], [2, 4, NaN, 8, 11], 3);
    expect(rows.map((x) => x.pairs)).toEqual([3, 3, 1, 1]);
    expect(rows[0].r).toBeCloseTo(r([1, 4, 5], [2, 8, 11]), 12);
    expect(rows[1].r).toBeCloseTo(r([1, 3, 4], [4, 8, 11]), 12);
    expect(rows.slice(2).map((x) => [x.r, x.p])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
  test('a side that does not vary gives a blank r', () => {
    expect(leadLagTable([1, 2, 3, 4], [5, 5, 5, 5], 0)[0].r).toBeNull();
  });
  test('the best lag has the smallest p-value; ties go to the shorter lag', () => {
    expect(
      bestLag([
        { lag: 0, r: 0.5, pairs: 10, p: 0.2 },
        { lag: 1, r: 0.9, pairs: 9, p: 0.01 },
        { lag: 2, r: 0.9, pairs: 8, p: 0.01 },
      ])?.lag,
    ).toBe(1);
    expect(bestLag([{ lag: 0, r: null, pairs: 2, p: null }])).toBeNull();
  });
  test('the sentence says evidence, not proof, and names the direction and the lag', () => {
    expect(leadLagSentence([{ lag: 2, r: 0.83, pairs: 10, p: 0.003 }], 'NPS', 'revenue')).toBe(
      'Best: revenue follows NPS 2 periods later (r = 0.83, p = 0.003). Evidence, not proof.',
    );
    expect(leadLagSentence([{ lag: 1, r: -0.9, pairs: 10, p: 0.0001 }], 'returns', 'revenue')).toBe(
      'Best: revenue moves against returns 1 period later (r = -0.90, p < 0.001). Evidence, not proof.',
    );
    expect(leadLagSentence([{ lag: 0, r: 0.2, pairs: 10, p: 0.5 }])).toBe(
      'No clear link: the strongest is the lag measure follows the lead measure in the same period (r = 0.20, p = 0.50), which could be chance.',
    );
    expect(leadLagSentence([{ lag: 0, r: null, pairs: 2, p: null }])).toMatch(
      /^Not enough periods to compare: each lag needs at least 3 periods/,
    );
    expect([formatP(0.0004), formatP(0.004), formatP(0.04)]).toEqual(['< 0.001', '= 0.004', '= 0.04']);
  });
});
