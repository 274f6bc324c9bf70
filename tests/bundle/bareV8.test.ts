import { call, loadBundle } from '../helpers/bundle';
import vm from 'node:vm';

/**
 * dist/Code.js in a bare V8 context, each formula called with arguments shaped as Sheets passes them:
 * a range as rows of cells, blanks as "", dates as Date, optional arguments left out.
 */
describe('the built bundle in a bare V8 context', () => {
  const ctx = loadBundle();
  const col = (...xs: unknown[]) => xs.map((x) => [x]);
  // Dates made in the bare context's own realm, as Sheets would hand them over.
  const D = (iso: string) => vm.runInContext(`new Date(${JSON.stringify(iso + 'T00:00:00')})`, ctx) as Date;

  test('has no Node globals', () => {
    expect(vm.runInContext('typeof require + typeof process + typeof setTimeout', ctx)).toBe('undefinedundefinedundefined');
  });

  test('NPS', () => {
    expect(call(ctx, 'NPS', col(10, 9, 8, 7, 6, '', '3'))).toBeCloseTo((100 * (2 - 2)) / 6);
    expect(call(ctx, 'NPS', col('How likely?', 10, 10, 0))).toBeCloseTo(100 / 3);
    expect(call(ctx, 'NPS', 9)).toBe(100);
  });

  test('NPS error names the row', () => {
    expect(() => call(ctx, 'NPS', col(9, 10, 8, 7, 6, 5, 'eleven'))).toThrow(
      'NPS: row 7 holds "eleven"; scores are whole numbers from 0 to 10',
    );
  });

  test('NPS_DETAIL', () => {
    const t = call(ctx, 'NPS_DETAIL', col(10, 9, 8, 3)) as unknown[][];
    expect(t[0]).toEqual(['Responses', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Margin of error', 'Low', 'High']);
    expect(t[1].slice(0, 5)).toEqual([4, 2, 1, 1, 25]);
  });

  test('NPS_BY_PERIOD', () => {
    const t = call(ctx, 'NPS_BY_PERIOD', col(D('2026-01-05'), D('2026-01-20'), '2026-03-02'), col(10, 0, 9)) as unknown[][];
    expect(t.map((r) => r[0])).toEqual(['Period', '2026-01', '2026-02', '2026-03']);
    expect(t[1].slice(0, 3)).toEqual(['2026-01', 2, 0]);
    expect(t[2]).toEqual(['2026-02', 0, '', '', '', '']);
  });

  test('CSAT, NET_COMPARISON', () => {
    expect(call(ctx, 'CSAT', col(5, 4, 3, 'Very satisfied'))).toBe(0.75);
    expect(call(ctx, 'CSAT', col(10, 9, 8), 10, 2)).toBeCloseTo(2 / 3);
    expect(call(ctx, 'NET_COMPARISON', col('Better', 'About the same', 'Worse', 'better'))).toBe(0.25);
  });

  test('ONTIME_RATE, RETURN_RATE, REVIEW_RESPONSE_RATE', () => {
    expect(call(ctx, 'ONTIME_RATE', col(D('2026-01-10'), '2026-01-10', '12/01/2026'), col(D('2026-01-09'), '2026-01-11', ''))).toBe(0.5);
    expect(call(ctx, 'RETURN_RATE', col(10, '20', ''), col(1, '', ''))).toBeCloseTo(1 / 30);
    expect(call(ctx, 'REVIEW_RESPONSE_RATE', col(1, 2, 5, '★☆☆☆☆'), col('Yes', '', 'No', 'Thanks for telling us'))).toBeCloseTo(2 / 3);
  });

  test('PERIOD_SERIES', () => {
    const t = call(ctx, 'PERIOD_SERIES', col(D('2026-01-31'), '01/03/2026', '2026-03-15'), col('£1,000', 250, '(50)')) as unknown[][];
    expect(t).toEqual([
      ['Period', 'Value'],
      ['2026-01', 1000],
      ['2026-02', 0],
      ['2026-03', 200],
    ]);
    const avg = call(ctx, 'PERIOD_SERIES', col('2026-01-01', '2026-03-01'), col(1, 3), 'month', 'average') as unknown[][];
    expect(avg[2]).toEqual(['2026-02', '']);
  });

  test('LEADLAG', () => {
    // lag[t + 2] follows lead[t], with a little noise; lags 0, 1 and 3 see unrelated pairs (14 periods: 11 prewhitened pairs at lag 2).
    const leadValues = [5, 1, 4, 2, 8, 3, 7, 6, 2, 9, 4, 1, 6, 3];
    const noise = [0.3, -0.2, 0.1, 0.4, -0.3, 0.2, -0.1, 0.5, -0.4, 0.2, 0.1, -0.3];
    const lead = col(...leadValues);
    const lag = col(4, 6, ...leadValues.slice(0, 12).map((x, i) => x * 10 + noise[i]));
    const t = call(ctx, 'LEADLAG', lead, lag, 3) as unknown[][];
    expect(t[0]).toEqual(['Lag', 'Correlation', 'Prewhitened r', 'Pairs', 'P-value']);
    expect(t[3][0]).toBe(2);
    expect(t[3][1]).toBeCloseTo(1);
    expect(t[5].slice(0, 3)).toEqual(['Best', 2, 'Adjusted p']);
    expect(String(t[5][4])).toMatch(/^Strong evidence that the lag measure follows the lead measure 2 periods later/);
  });

  test('TARGET_PRESSURE', () => {
    const t = call(ctx, 'TARGET_PRESSURE', col('2026-01-01', '2026-03-30', '2026-03-31'), col(100, 100, 100)) as unknown[][];
    expect(t[0]).toEqual(['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag']);
    expect(t[1][0]).toBe('2026-Q1');
    expect(t[1][5]).toBe('End-of-period push');
  });

  test('OKR_SCORE', () => {
    expect(call(ctx, 'OKR_SCORE', 0, 70, 100)).toBeCloseTo(0.7);
    expect(call(ctx, 'OKR_SCORE', col(100, 0), col(80, 50), col(50, 100))).toEqual([[0.4], [0.5]]);
  });

  test('KEY_ACCOUNTS', () => {
    const t = call(ctx, 'KEY_ACCOUNTS', col('Acme', 'Beta', 'acme ', 'Gamma'), col(500, 300, 300, 50), col(3, '', '', '')) as unknown[][];
    expect(t[1].slice(0, 2)).toEqual(['Acme', 800]);
    expect(t[1][4]).toBe('A');
    expect(t[1][6]).toBe(true);
  });

  test('IMPROVEMENT_SUMMARY', () => {
    const t = call(
      ctx,
      'IMPROVEMENT_SUMMARY',
      col('open', 'Done', 'in progress', 'dropped'),
      col('2026-01-01', '', '2026-12-01', ''),
      col('', '2026-01-11', '', ''),
      col('', '2026-01-01', '', ''),
      D('2026-06-01'),
    ) as unknown[][];
    expect(t).toEqual([
      ['Open', 'Overdue', 'Done', 'Median days to close'],
      [2, 1, 1, 10],
    ]);
  });

  // The shipped defect: the build stripped the help out of the range checks, so these ended in "; undefined".
  test('argument errors end in their help text in the built bundle too', () => {
    const twelve = col(...Array.from({ length: 12 }, (_, i) => i));
    const dates = col('2026-01-05', '2026-02-10');
    const cases: [string, unknown[], string][] = [
      ['LEADLAG', [twelve, twelve, 61], 'LEADLAG: argument max_lag is 61; give a whole number from 0 to 24'],
      ['NPS_DETAIL', [col(10, 3), 1.5], 'NPS_DETAIL: argument confidence is 1.5; give a level from 0.5 to 0.9999, e.g. 0.95'],
      ['TARGET_PRESSURE', [dates, col(1, 2), 'quarter', 0], 'TARGET_PRESSURE: argument last_days is 0; give a whole number from 1 to 180'],
      ['CSAT', [col(5, 4), 1], 'CSAT: argument scale is 1; give a whole number from 2 to 100'],
      ['PERIODS', [dates, 'month', 0], 'PERIODS: argument count is 0; give a whole number from 1 to 120'],
      [
        'CONNECTIONS',
        [[[1, 2, 3]], [[2, 3, 4]], 'NPS', 'Revenue', -1],
        'CONNECTIONS: argument max_lag is -1; give a whole number from 0 to 24',
      ],
    ];
    for (const [name, args, message] of cases) expect(() => call(ctx, name, ...args)).toThrow(message);
  });

  test('fiscal labels from PERIODS read back in MEASURE_SERIES', () => {
    const dates = col('2026-08-01', '2026-11-01', '2027-02-01');
    const labels = call(ctx, 'PERIODS', dates, 'quarter:jul', 3) as string[][];
    expect(labels).toEqual([['FY2027-Q1 (Jul)', 'FY2027-Q2 (Oct)', 'FY2027-Q3 (Jan)']]);
    expect(call(ctx, 'MEASURE_SERIES', 'revenue', labels, dates, col(200, 10, 1))).toEqual([[200, 10, 1]]);
  });
});
