import { errorOf, run } from '../helpers';

describe('LEADLAG', () => {
  test('a table per lag and the sentence; a text first row is a header; rows work as well as columns', () => {
    const out = run('LEADLAG', [['NPS'], [10], [20], [30], [40], [50], [60]], [['Revenue'], [5], [5], [10], [20], [30], [40]], 2) as (
      string | number
    )[][];
    expect(out[0]).toEqual(['Lag', 'Correlation', 'Pairs', 'P-value']);
    expect(out.slice(1, 4).map((x) => [x[0], x[2]])).toEqual([
      [0, 6],
      [1, 5],
      [2, 4],
    ]);
    expect(out[3][1]).toBe(1); // lead[t] = 10·(t+1), lag[t+2] = 10·(t+1)
    expect(out[3][3]).toBe(0);
    expect(out[4]).toEqual([
      'Best: the lag measure follows the lead measure 2 periods later (r = 1.00, p < 0.001). Evidence, not proof.',
      '',
      '',
      '',
    ]);
    expect(run('LEADLAG', [[1, 2, 3, 4, 5, 6]], [[3, 1, 4, 1, 5, 9]], 1)).toEqual(
      run('LEADLAG', [[1], [2], [3], [4], [5], [6]], [[3], [1], [4], [1], [5], [9]], 1),
    );
  });
  test('too few periods: blanks and a sentence that says so', () => {
    const out = run('LEADLAG', [[1], [2]], [[3], [4]], 0) as (string | number)[][];
    expect(out).toEqual([
      ['Lag', 'Correlation', 'Pairs', 'P-value'],
      [0, '', 2, ''],
      [
        'Not enough periods to compare: each lag needs at least 3 periods where both the lead measure and the lag measure have values.',
        '',
        '',
        '',
      ],
    ]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('LEADLAG', [[1], [2]], [[1]])).message).toBe(
      'LEADLAG: lead has 2 periods but lag has 1; give the same periods for both',
    );
    expect(
      errorOf(() =>
        run(
          'LEADLAG',
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ).message,
    ).toBe('LEADLAG: lead must be one column (or one row) of values per period');
    expect(errorOf(() => run('LEADLAG', [[1], ['x'], [3]], [[1], [2], [3]])).message).toBe(
      'LEADLAG: row 2 of lead holds "x"; expected one number per period, e.g. the Value column of PERIOD_SERIES',
    );
    expect(errorOf(() => run('LEADLAG', [[1], [2], [3]], [[1], [2], [3]], 61)).message).toBe(
      'LEADLAG: argument max_lag is 61; give a whole number from 0 to 24',
    );
  });
});
