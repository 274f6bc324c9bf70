import { errorOf, run } from '../helpers';

// 10 answers: promoters 9, 10, 9, 10, 9 (P = 5); passives 7, 8, 8 (3); detractors 6, 0 (D = 2).
const TEN = [9, 10, 9, 10, 9, 7, 8, 8, 6, 0];

describe('NPS_DETAIL', () => {
  test('NPS_DETAIL: counts, NPS, margin, low, high', () => {
    const out = run(
      'NPS_DETAIL',
      TEN.map((x) => [x]),
    ) as (string | number)[][];
    expect(out[0]).toEqual(['Responses', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Margin of error', 'Low', 'High']);
    const [n, p, pa, d, nps, moe, lo, hi] = out[1] as number[];
    expect([n, p, pa, d, nps]).toEqual([10, 5, 3, 2, 30]);
    expect(moe).toBeCloseTo(42.1275, 3); // the confidence level 0.95 gives z = Φ⁻¹(0.975)
    expect(lo).toBeCloseTo(-19.0506, 3);
    expect(hi).toBeCloseTo(65.2045, 3);
  });
  test('NPS_DETAIL: a wider level gives a wider interval; a bad level is a clear error', () => {
    const at = (level: number) =>
      (
        run(
          'NPS_DETAIL',
          TEN.map((x) => [x]),
          level,
        ) as number[][]
      )[1][5];
    expect(at(0.99)).toBeGreaterThan(at(0.95));
    expect(at(0.9)).toBeLessThan(at(0.95));
    expect(errorOf(() => run('NPS_DETAIL', [[10]], 95)).message).toBe(
      'NPS_DETAIL: argument confidence is 95; give a level from 0.5 to 0.9999, e.g. 0.95',
    );
    expect(errorOf(() => run('NPS_DETAIL', [[10]], 'high')).message).toBe(
      'NPS_DETAIL: argument confidence is "high"; give a level from 0.5 to 0.9999, e.g. 0.95',
    );
  });
});
