import { errorOf, run } from '../helpers';

describe('TARGET_PRESSURE: share of sales in the last days of each period', () => {
  test('Q3 has 92 days: expected share = 7/92; Q2 has 91: 7/91', () => {
    const out = run(
      'TARGET_PRESSURE',
      [['Date'], ['2026-07-15'], ['2026-09-01'], ['2026-09-24'], ['2026-09-30'], ['2026-04-10'], ['2026-06-24'], ['']],
      [['Amount'], [100], [100], [200], [100], [100], [10], [810]],
    ) as (string | number)[][];
    expect(out[0]).toEqual(['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag']);
    // Q2: 110 sold, 10 on 24 June (the last 7 days are 24–30 June).
    expect(out[1][0]).toBe('2026-Q2');
    expect(out[1][1]).toBe(110);
    expect(out[1][2]).toBeCloseTo(10 / 110, 15);
    expect(out[1][3]).toBeCloseTo(7 / 91, 15);
    expect(out[1][4]).toBeCloseTo(10 / 110 / (7 / 91), 12);
    expect(out[1][5]).toBe('Partial period'); // the data starts on 10 April, after the quarter's first day
    // Q3: 500 sold, 300 from 24 September on.
    expect(out[2].slice(0, 3)).toEqual(['2026-Q3', 500, 0.6]);
    expect(out[2][3]).toBeCloseTo(7 / 92, 15);
    expect(out[2][4]).toBeCloseTo((0.6 * 92) / 7, 12);
    expect(out[2][5]).toBe('End-of-period push');
    expect(out).toHaveLength(3); // the totals row (no date) is left out
  });
  test('a period that sold nothing has a blank share and ratio; empty periods are listed', () => {
    const out = run('TARGET_PRESSURE', [['2026-01-15'], ['2026-07-15']], [[10], [5]], 'quarter') as (string | number)[][];
    expect(out.map((r) => r[0])).toEqual(['Period', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(out[2].slice(1)).toEqual([0, '', 7 / 91, '', '']);
    expect(run('TARGET_PRESSURE', [['2026-09-01'], ['2026-09-30']], [[65], [-65]], 'month', 7)).toEqual([
      ['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag'],
      ['2026-09', 0, '', 7 / 30, '', ''],
    ]);
  });
  test('a partial period is marked and never flagged, however its sales fall', () => {
    // The data runs from 1 July to 26 September: Q3 ends on the 30th, so it is partial, even with every sale at its end.
    const out = run('TARGET_PRESSURE', [['2026-07-01'], ['2026-09-25'], ['2026-09-26']], [[1], [500], [500]]) as (string | number)[][];
    expect(out[1][4]).toBeGreaterThan(10);
    expect(out[1][5]).toBe('Partial period');
    // One day more makes it whole, and flagged.
    const whole = run('TARGET_PRESSURE', [['2026-07-01'], ['2026-09-25'], ['2026-09-30']], [[1], [500], [500]]) as (string | number)[][];
    expect(whole[1][5]).toBe('End-of-period push');
    // Periods between the first and last date are whole, even when they sold nothing; so are the first and last here.
    const gap = run('TARGET_PRESSURE', [['2026-01-01'], ['2026-12-31']], [[5], [5]], 'quarter') as (string | number)[][];
    expect(gap.slice(1).map((r) => r[5])).toEqual(['', '', '', 'End-of-period push']);
  });

  test('clear errors', () => {
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'week', 7)).message).toBe(
      'TARGET_PRESSURE: last_days 7 is as long as a week; choose fewer days',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'month', 0)).message).toBe(
      'TARGET_PRESSURE: argument last_days is 0; give a whole number from 1 to 180',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'month', 2.5)).message).toBe(
      'TARGET_PRESSURE: argument last_days is 2.5; give a whole number from 1 to 180',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01'], ['2026-09-02']], [[65]])).message).toBe(
      'TARGET_PRESSURE: dates has 2 cells but amounts has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01'], ['2026-09-02']], [[65], ['lots']])).message).toBe(
      'TARGET_PRESSURE: row 2 of amounts holds "lots"; expected an amount such as 1234.5 or "£1,234.50"',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['']], [[5]])).message).toBe(
      'TARGET_PRESSURE: no sale has a date; check that dates and amounts are the same rows',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[5]], 'biweekly')).message).toMatch(
      /^TARGET_PRESSURE: argument period is "biweekly"; give "week"/,
    );
  });

  // BUG (src/core/measures/targetPressure.ts): the spike ratio is share / expected in floating point,
  // so a share of exactly 1.5× the expected one comes out as 1.4999999999999998 and is not flagged.
  // Counterexample: September (30 days), last_days 7, sales 65 on 1 Sep and 35 on 30 Sep: share 0.35,
  // expected 7/30, ratio exactly 1.5 → TARGET_PRESSURE shows 1.4999999999999998 and no flag.
  // (Compare late·length ≥ 1.5·last_days·total instead.) Remove `.failing` once fixed.
  test('a ratio of exactly 1.5 is flagged', () => {
    const out = run('TARGET_PRESSURE', [['2026-09-01'], ['2026-09-30']], [[65], [35]], 'month', 7) as (string | number)[][];
    expect(out[1][5]).toBe('End-of-period push');
  });
});
