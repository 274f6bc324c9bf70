import { bucketDays, bucketLabels } from '../../../src/core/measures/buckets';
import { AGGREGATE_HELP, parseAggregate, periodSeries } from '../../../src/core/measures/periodSeries';
import { SPIKE_FLAG, targetPressure } from '../../../src/core/measures/targetPressure';
import { parsePeriod, PERIOD_HELP } from '../../../src/core/time/periods';
import { col, day, errorOf, run } from './helpers';

const days = (...isos: string[]) => Float64Array.from(isos, (s) => (s === '' ? NaN : day(s)));

describe('buckets', () => {
  test('every period between the first and the last is listed; rows without a date get −1', () => {
    const b = bucketDays(days('2026-03-02', '', '2026-01-05', '2026-03-31'), parsePeriod('month'));
    expect(bucketLabels(b)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(Array.from(b.index)).toEqual([2, -1, 0, 2]);
  });
  test('no dates: no periods', () => {
    expect(bucketDays(days('', ''), parsePeriod('month')).count).toBe(0);
  });
  test('a filter leaves rows out', () => {
    const b = bucketDays(days('2026-01-05', '2026-05-01'), parsePeriod('month'), (i) => i === 0);
    expect(bucketLabels(b)).toEqual(['2026-01']);
    expect(Array.from(b.index)).toEqual([0, -1]);
  });
});

describe('periodSeries and PERIOD_SERIES', () => {
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
  test('the default is the monthly sum', () => {
    expect(run('PERIOD_SERIES', d, v)).toEqual(run('PERIOD_SERIES', d, v, 'month', 'sum'));
  });
  test('aggregate synonyms and names', () => {
    expect(['Total', 'AVG', 'mean', 'minimum', 'maximum', ' median ', '', undefined].map((a) => parseAggregate(a))).toEqual([
      'sum',
      'average',
      'average',
      'min',
      'max',
      'median',
      'sum',
      'sum',
    ]);
  });
  test('median of an even count is the mean of the middle two; count counts any non-blank value', () => {
    const dd = col(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'], 'dates');
    const dayCol = days('2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04');
    expect(periodSeries(dayCol, col([4, 1, 3, 10], 'values'), parsePeriod('month'), 'median', dd).values).toEqual([3.5]);
    expect(periodSeries(dayCol, col(['order-1', 'x', '', true], 'values'), parsePeriod('month'), 'count', dd).values).toEqual([3]);
  });
  test('quarters, fiscal quarters, weeks, years', () => {
    expect(run('PERIOD_SERIES', d, v, 'quarter')).toEqual([
      ['Period', 'Value'],
      ['2026-Q1', 1750.5],
    ]);
    expect(run('PERIOD_SERIES', [['2026-03-31'], ['2026-04-01']], [[1], [2]], 'quarter:apr')).toEqual([
      ['Period', 'Value'],
      ['FY2026-Q4', 1],
      ['FY2027-Q1', 2],
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
      `PERIOD_SERIES: unknown period "fortnight"; ${PERIOD_HELP}`,
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'month', 'mode')).message).toBe(
      `PERIOD_SERIES: unknown aggregate "mode"; ${AGGREGATE_HELP}`,
    );
    expect(errorOf(() => run('PERIOD_SERIES', d, v, 'month', 3)).message).toBe('PERIOD_SERIES: aggregate must be text, e.g. "month"');
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
      'PERIOD_SERIES: period must be a single value, not a range',
    );
  });

  // Overflow to ±Infinity: pinned with test.failing in tests/functions/properties.test.ts (known bugs).
});

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
    expect(out[1][5]).toBe('');
    // Q3: 500 sold, 300 from 24 September on.
    expect(out[2].slice(0, 3)).toEqual(['2026-Q3', 500, 0.6]);
    expect(out[2][3]).toBeCloseTo(7 / 92, 15);
    expect(out[2][4]).toBeCloseTo((0.6 * 92) / 7, 12);
    expect(out[2][5]).toBe('End-of-period push');
    expect(out).toHaveLength(3); // the totals row (no date) is left out
  });
  test('the window is the last `last_days` calendar days: the day before it does not count', () => {
    const r = targetPressure(days('2026-09-23', '2026-09-24'), col([1, 1], 'amounts'), parsePeriod('quarter'), 7);
    expect(r.rows[0].share).toBe(0.5);
  });
  test('a spike ratio of 1.5 or more is flagged', () => {
    expect(SPIKE_FLAG).toBe(1.5);
    // September, 30 days, last 3 days: expected 0.1. A share of 0.2 → ratio 2 → flagged; 0.1 → 1.
    const flagged = targetPressure(days('2026-09-01', '2026-09-30'), col([80, 20], 'amounts'), parsePeriod('month'), 3);
    expect(flagged.rows[0].ratio).toBeCloseTo(2, 12);
    expect(flagged.rows[0].flagged).toBe(true);
    const even = targetPressure(days('2026-09-01', '2026-09-30'), col([90, 10], 'amounts'), parsePeriod('month'), 3);
    expect(even.rows[0].flagged).toBe(false);
  });
  test('amounts near the largest number do not overflow the ratio into NaN (found by a property test)', () => {
    const r = targetPressure(
      days('2024-03-01', '2024-03-18'),
      col([1.2840665249016541e307, 1.2840665249016541e307], 'amounts'),
      parsePeriod('month'),
      14,
    );
    expect(r.rows[0].share).toBe(0.5);
    expect(r.rows[0].ratio).toBeCloseTo((0.5 * 31) / 14, 12);
    expect(r.rows[0].flagged).toBe(false);
  });
  test('a period that sold nothing has a blank share and ratio; empty periods are listed', () => {
    const out = run('TARGET_PRESSURE', [['2026-01-15'], ['2026-07-15']], [[10], [5]], 'quarter') as (string | number)[][];
    expect(out.map((r) => r[0])).toEqual(['Period', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(out[2].slice(1)).toEqual([0, '', 7 / 91, '', '']);
    expect(run('TARGET_PRESSURE', [['2026-09-01'], ['2026-09-02']], [[65], [-65]], 'month', 7)).toEqual([
      ['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag'],
      ['2026-09', 0, '', 7 / 30, '', ''],
    ]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'week', 7)).message).toBe(
      'TARGET_PRESSURE: last_days 7 is as long as a week; choose fewer days',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'month', 0)).message).toBe(
      'TARGET_PRESSURE: last_days is 0; give a whole number of days such as 7',
    );
    expect(errorOf(() => run('TARGET_PRESSURE', [['2026-09-01']], [[65]], 'month', 2.5)).message).toBe(
      'TARGET_PRESSURE: last_days is 2.5; give a whole number of days such as 7',
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
      /^TARGET_PRESSURE: unknown period "biweekly"/,
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
