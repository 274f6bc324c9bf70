/**
 * Every formula that lists periods lists at most 5,000 of them (core/time/periods.ts MAX_PERIODS): one
 * stray date (9999-12-31 among 2026's) used to make PERIOD_SERIES return 416,063 weekly rows. Past the
 * cap the error names the date that stretches the span and its row.
 */
import { MAX_PERIODS } from '../../src/core/time/periods';
import { errorOf, run } from './helpers';

const STRAY =
  /the dates span 416,063 weeks, more than the 5,000 periods a formula lists \(2026-01-05 to 9999-12-31\); row 3 of dates holds 9999-12-31: correct that date or leave its row out, or choose a longer period such as "year"$/;
const text = [['Date'], ['2026-01-05'], ['9999-12-31'], ['2026-03-02']];
const cells = [
  ['Date'],
  [new Date(Date.UTC(2026, 0, 5, 12))],
  [new Date(Date.UTC(9999, 11, 31, 12))],
  [new Date(Date.UTC(2026, 2, 2, 12))],
];
const values = [['Value'], [9], [10], [7]];

describe(`formulas that list periods stop at ${MAX_PERIODS.toLocaleString('en-GB')}, naming the stray date`, () => {
  test.each([
    ['text dates', text],
    ['date cells', cells],
  ])('PERIOD_SERIES, NPS_BY_PERIOD and TARGET_PRESSURE (%s)', (_what, dates) => {
    expect(errorOf(() => run('PERIOD_SERIES', dates, values, 'week')).message).toMatch(new RegExp(`^PERIOD_SERIES: ${STRAY.source}`));
    expect(errorOf(() => run('PERIOD_SERIES', dates, values, 'week', 'median')).message).toMatch(
      new RegExp(`^PERIOD_SERIES: ${STRAY.source}`),
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', dates, values, 'week')).message).toMatch(new RegExp(`^NPS_BY_PERIOD: ${STRAY.source}`));
    expect(errorOf(() => run('TARGET_PRESSURE', dates, values, 'week', 2)).message).toMatch(
      /^TARGET_PRESSURE: the dates span 416,063 weeks, .* row 3 of the dates holds 9999-12-31:/,
    );
  });
  test('NPS_BY_PERIOD counts only the dates of answered rows: a stray date on a blank answer is no matter', () => {
    const out = run('NPS_BY_PERIOD', text, [['Score'], [9], [''], [7]], 'week') as unknown[][];
    expect(out).toHaveLength(1 + 9); // 2026-W02 … 2026-W10
  });
  test('a span of exactly 5,000 periods is listed', () => {
    expect(run('NPS_BY_PERIOD', [['2026-01-05'], ['2442-08-01']], [[9], [10]], 'month') as unknown[][]).toHaveLength(1 + 5000);
  });
});
