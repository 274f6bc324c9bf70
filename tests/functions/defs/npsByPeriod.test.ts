import { PERIOD_HELP } from '../../../src/core/time/periods';
import { errorOf, run } from '../helpers';

describe('NPS_BY_PERIOD', () => {
  const dates = [['Date'], ['2026-01-05'], ['2026-01-20'], ['2026-02-03'], ['2026-02-04'], [''], ['2026-04-10']];
  const scores = [['Score'], [10], [6], [10], [9], [10], [0]];
  test('a row per period, with the change from the period before and whether it is significant', () => {
    const out = run('NPS_BY_PERIOD', dates, scores, 'month') as (string | number | boolean)[][];
    expect(out[0]).toEqual(['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']);
    expect(out.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'],
      ['2026-01', 2, 0, '', ''],
      ['2026-02', 2, 100, 100, false],
      ['2026-03', 0, '', '', ''], // an empty period is listed, blank
      ['2026-04', 1, -100, '', ''], // no change after an empty period
    ]);
    // January: n = 2, P = 1, D = 1 → n' = 5, p = d = 0.35, m = 0, se = sqrt(0.7/5); margin = 100·z·se.
    expect(out[1][3] as number).toBeCloseTo(100 * 1.959963984540054 * Math.sqrt(0.7 / 5), 12);
  });
  test('the answer without a date (row 6) is left out', () => {
    const out = run('NPS_BY_PERIOD', dates, scores) as (string | number | boolean)[][];
    expect(out.reduce((s, r, i) => s + (i > 0 ? (r[1] as number) : 0), 0)).toBe(5);
  });
  test('significant changes', () => {
    const d = [...Array(10).fill(['2026-01-15']), ...Array(10).fill(['2026-02-15'])];
    const s = [...Array(10).fill([0]), ...Array(10).fill([10])];
    const out = run('NPS_BY_PERIOD', d, s) as (string | number | boolean)[][];
    expect(out[2].slice(0, 3)).toEqual(['2026-02', 10, 100]);
    expect(out[2][4]).toBe(200);
    expect(out[2][5]).toBe(true);
  });
  test('weeks and fiscal quarters', () => {
    const w = run('NPS_BY_PERIOD', [['2025-12-28'], ['2025-12-29']], [[10], [0]], 'week') as (string | number)[][];
    expect(w.slice(1).map((r) => r[0])).toEqual(['2025-W52', '2026-W01']);
    const q = run('NPS_BY_PERIOD', [['2026-03-31'], ['2026-04-01']], [[10], [0]], 'quarter:apr') as (string | number)[][];
    expect(q.slice(1).map((r) => r[0])).toEqual(['FY2026-Q4 (Jan)', 'FY2027-Q1 (Apr)']);
  });
  test('clear errors: different lengths, unknown period, no dates, bad dates', () => {
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['2026-01-02']], [[10]])).message).toBe(
      'NPS_BY_PERIOD: dates has 2 cells but scores has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01']], [[10]], 'fortnight')).message).toBe(
      `NPS_BY_PERIOD: argument period is "fortnight"; ${PERIOD_HELP}`,
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [[''], ['']], [[10], [9]])).message).toBe(
      'NPS_BY_PERIOD: no answer has a date; check that dates and scores are the same rows',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['31/02/2026']], [[10], [9]])).message).toBe(
      'NPS_BY_PERIOD: row 2 of dates holds "31/02/2026"; expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['2026-01-02']], [[10], ['eleven']])).message).toBe(
      'NPS_BY_PERIOD: row 2 of scores holds "eleven"; scores are whole numbers from 0 to 10',
    );
  });
  test('single cells are a column of one', () => {
    expect((run('NPS_BY_PERIOD', '2026-01-05', 10) as unknown[][])[1].slice(0, 3)).toEqual(['2026-01', 1, 100]);
  });
});
