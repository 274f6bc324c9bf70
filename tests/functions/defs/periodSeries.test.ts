import { PERIOD_HELP } from '../../../src/core/time/periods';
import { errorOf, run } from '../helpers';

describe('PERIOD_SERIES', () => {
  const d = [['Date'], ['2026-01-05'], ['2026-01-20'], ['2026-03-02'], [''], ['2026-03-31']];
  const v = [['Amount'], ['£1,000'], [500], ['250.5'], [1750.5], ['']];
  test.each<[string, (string | number)[]]>([
    ['sum', [1500, 0, 250.5]],
    ['average', [750, '', 250.5]],
    ['count', [2, 0, 1]],
    ['min', [500, '', 250.5]],
    ['max', [1000, '', 250.5]],
    ['median', [750, '', 250.5]],
  ])('%s per month: empty periods are 0 for sum and count, blank otherwise; the totals row (no date) is left out', (agg, values) => {
    expect(run('PERIOD_SERIES', d, v, 'month', agg)).toEqual([
      ['Period', 'Value'],
      ['2026-01', values[0]],
      ['2026-02', values[1]],
      ['2026-03', values[2]],
    ]);
  });
  test('count skips blanks and the words exports write for nothing ("-", "n/a"), as the other aggregates do', () => {
    expect(run('PERIOD_SERIES', [['2026-01-05'], ['2026-01-20']], [['n/a'], [100]], 'month', 'count')).toEqual([
      ['Period', 'Value'],
      ['2026-01', 1],
    ]);
    const dates = [['2026-01-05'], ['2026-01-06'], ['2026-01-07'], ['2026-01-08'], ['2026-01-09'], ['2026-01-12']];
    const values = [['-'], [' N/A '], ['none'], ['SO-1001'], ['—'], [0]];
    expect((run('PERIOD_SERIES', dates, values, 'month', 'count') as unknown[][])[1][1]).toBe(2); // an order id and a 0
    // The same through the one-pass reading of Date cells.
    const dateCells = dates.map(([d]) => [new Date(`${d}T12:00:00Z`)]);
    expect((run('PERIOD_SERIES', dateCells, values, 'month', 'count') as unknown[][])[1][1]).toBe(2);
  });
  test('at most 5,000 periods: one stray date is an error that names it', () => {
    const dates = [['Date'], ['2026-01-05'], ['9999-12-31'], ['2026-03-02']];
    const values = [['Amount'], [1], [2], [3]];
    expect(errorOf(() => run('PERIOD_SERIES', dates, values, 'week')).message).toBe(
      'PERIOD_SERIES: the dates span 416,063 weeks, more than the 5,000 periods a formula lists (2026-01-05 to 9999-12-31); ' +
        'row 3 of dates holds 9999-12-31: correct that date or leave its row out, or choose a longer period such as "year"',
    );
    // The one-pass reading of Date cells says the same.
    const cells = [[new Date(Date.UTC(2026, 0, 5, 12))], [new Date(Date.UTC(9999, 11, 31, 12))], [new Date(Date.UTC(2026, 2, 2, 12))]];
    expect(errorOf(() => run('PERIOD_SERIES', cells, [[1], [2], [3]], 'week')).message).toMatch(/row 2 of dates holds 9999-12-31:/);
    // An early stray date is named too, and the median decides which end is the stray one.
    expect(
      errorOf(() => run('PERIOD_SERIES', [['2026-01-05'], ['1900-01-01'], ['2026-02-01']], [[1], [2], [3]], 'week', 'median')).message,
    ).toMatch(/^PERIOD_SERIES: the dates span 6,579 weeks, .* \(1900-01-01 to 2026-02-01\); row 2 of dates holds 1900-01-01:/);
    // 5,000 periods are fine; one more is not.
    expect(run('PERIOD_SERIES', [['2026-01-05'], ['2442-08-01']], [[1], [2]]) as unknown[][]).toHaveLength(1 + 5000);
    expect(errorOf(() => run('PERIOD_SERIES', [['2026-01-05'], ['2442-09-01']], [[1], [2]])).message).toMatch(/span 5,001 months/);
  });
  test('the default is the monthly sum', () => {
    expect(run('PERIOD_SERIES', d, v)).toEqual(run('PERIOD_SERIES', d, v, 'month', 'sum'));
  });
  test('aggregate synonyms and names', () => {
    const jan = (agg: unknown) => (run('PERIOD_SERIES', d, v, 'month', agg) as unknown[][])[1][1];
    expect(['Total', 'AVG', 'mean', 'minimum', 'maximum', ' median ', ''].map(jan)).toEqual([1500, 750, 750, 500, 1000, 750, 1500]);
  });
  test('quarters, fiscal quarters, weeks, years', () => {
    expect(run('PERIOD_SERIES', d, v, 'quarter')).toEqual([
      ['Period', 'Value'],
      ['2026-Q1', 1750.5],
    ]);
    expect(run('PERIOD_SERIES', [['2026-03-31'], ['2026-04-01']], [[1], [2]], 'quarter:apr')).toEqual([
      ['Period', 'Value'],
      ['FY2026-Q4 (Jan)', 1],
      ['FY2027-Q1 (Apr)', 2],
    ]);
    expect(run('PERIOD_SERIES', [['2020-12-31'], ['2021-01-04']], [[1], [2]], 'week')).toEqual([
      ['Period', 'Value'],
      ['2020-W53', 1],
      ['2021-W01', 2],
    ]);
    expect(run('PERIOD_SERIES', [['2025-06-01'], ['2026-06-01']], [[1], [2]], 'year')).toEqual([
      ['Period', 'Value'],
      ['2025', 1],
      ['2026', 2],
    ]);
  });
  test('a totals row without a date is left out, even when its value is text', () => {
    expect(run('PERIOD_SERIES', [['2026-01-05'], ['2026-01-06'], ['']], [[5], [7], [12]])).toEqual([
      ['Period', 'Value'],
      ['2026-01', 12],
    ]);
    expect(run('PERIOD_SERIES', [['Date'], ['2026-01-05'], ['']], [['x'], [5], ['n/a?']])).toEqual([
      ['Period', 'Value'],
      ['2026-01', 5],
    ]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'fortnight')).message).toBe(
      `PERIOD_SERIES: argument period is "fortnight"; ${PERIOD_HELP}`,
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'month', 'mode')).message).toBe(
      'PERIOD_SERIES: argument aggregate is "mode"; give "sum", "average", "count", "min", "max" or "median"',
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'month', 3)).message).toBe(
      'PERIOD_SERIES: argument aggregate is 3; give "sum", "average", "count", "min", "max" or "median"',
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'month:apr')).message).toBe(
      'PERIOD_SERIES: argument period is "month:apr"; a fiscal start applies to quarters and years only; give "month" alone',
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v.slice(1))).message).toBe(
      'PERIOD_SERIES: dates has 6 cells but values has 5; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('PERIOD_SERIES', [['Date'], ['2026-01-05'], ['2026-01-06']], [['x'], [5], ['five']])).message).toBe(
      'PERIOD_SERIES: row 3 of values holds "five"; expected a number such as 1234.5, "£1,234.50" or "12%"',
    );
    expect(errorOf(() => run('PERIOD_SERIES', [[''], ['']], [[1], [2]])).message).toBe(
      'PERIOD_SERIES: no row has a date; check that dates and values are the same rows',
    );
    expect(errorOf(() => run('PERIOD_SERIES', [[''], ['']], [[''], ['']])).message).toBe(
      'PERIOD_SERIES: no values found in values; select the cells that hold them (the header row may be included)',
    );
    expect(errorOf(() => run('PERIOD_SERIES', [['2026-01-01'], ['2026-02-30']], [[1], [2]])).message).toBe(
      'PERIOD_SERIES: row 2 of dates holds "2026-02-30"; expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026',
    );
    expect(errorOf(() => run('PERIOD_SERIES', [['2026-01-01']], [[1]], [['month', 'sum']])).message).toBe(
      `PERIOD_SERIES: argument period is a range of 2 cells; ${PERIOD_HELP}`,
    );
  });
});
