import { errorOf, run } from '../helpers';
import { gaussian, mulberry32 } from '../../core/stats/helpers';
import { CELL_TEXT_MAX } from '../../../src/functions/runtime';

const HEADER = ['Lead', 'Lag', 'Best lag', 'Correlation', 'Prewhitened r', 'Pairs', 'Adjusted p', 'Q-value', 'Reading'];
const g = gaussian(mulberry32(9));

describe('CONNECTIONS', () => {
  const n = 24;
  const nps = Array.from({ length: n }, () => g());
  const csat = Array.from({ length: n }, () => g());
  const revenue = nps.map((_, t) => (t >= 2 ? nps[t - 2] : 0) + 0.3 * g());
  const orders = Array.from({ length: n }, () => g());
  const short = [...new Array<string>(n - 5).fill(''), 1, 2, 3, 4, 5];

  test('the shape: a header, one row per pair sorted by q-value, pairs without a p-value last', () => {
    const out = run(
      'CONNECTIONS',
      [nps, csat, short],
      [revenue, orders],
      [['NPS'], ['CSAT'], ['Reviews']],
      [['Revenue'], ['Orders']],
      3,
    ) as (string | number)[][];
    expect(out[0]).toEqual(HEADER);
    expect(out).toHaveLength(7);
    expect(out[1].slice(0, 3)).toEqual(['NPS', 'Revenue', 2]);
    expect(out[1][8]).toMatch(/^Strong evidence that revenue follows the referral score \(NPS\) 2 periods later/);
    const qs = out.slice(1, 5).map((r) => r[7] as number);
    expect(qs).toEqual([...qs].sort((a, b) => a - b));
    for (const r of out.slice(1, 5)) expect(r[7]).toBeGreaterThanOrEqual(r[6] as number); // q ≥ adjusted p
    expect(out.slice(5).map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7]])).toEqual([
      ['Reviews', 'Revenue', '', '', '', '', ''],
      ['Reviews', 'Orders', '', '', '', '', ''],
    ]);
    expect(out[6][8]).toMatch(/^Too few periods to tell/);
  });
  test('blank names read as the row they name; a huge name never makes a cell past 50,000 characters', () => {
    const out = run('CONNECTIONS', [nps], [revenue], [['']], [['x'.repeat(49_990)]], 3) as string[][];
    expect(out[1][0]).toBe('lead row 1');
    expect(out[1][8]).toMatch(/that x{79}… follows lead row 1 2 periods later/); // cut in the reading
    expect(out[1][1].length).toBe(49_990); // the name itself, whole
    for (const row of out) for (const c of row) expect(String(c).length).toBeLessThanOrEqual(CELL_TEXT_MAX);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('CONNECTIONS', [[1, 2, 3, 4]], [[2, 4, 5, 9, 7]], [['NPS']], [['Revenue']])).message).toBe(
      'CONNECTIONS: row 1 of lags has 5 periods but the first lead row has 4; give the same periods for every measure',
    );
    expect(errorOf(() => run('CONNECTIONS', [[1, 2, 3, 4]], [[2, 4, 5, 9]], [['NPS'], ['CSAT']], [['Revenue']])).message).toBe(
      'CONNECTIONS: lead_names has 2 names but there are 1 rows of values',
    );
  });
});
