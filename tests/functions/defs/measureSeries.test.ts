import fc from 'fast-check';
import { LABEL_HELP } from '../../../src/core/time/periods';
import type { Cell } from '../../../src/core/values/cell';
import { errorOf, run } from '../helpers';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const col = (...xs: Cell[]) => xs.map((x) => [x]);

describe('MEASURE_SERIES reads the period labels PERIODS writes, fiscal years included', () => {
  // The shipped defect: the labels were read back assuming an April start, so a July year came out shifted.
  test('a fiscal year from July: the same numbers as PERIOD_SERIES', () => {
    const d = col('2026-08-01', '2026-11-01', '2027-02-01');
    const v = col(200, 10, 1);
    const labels = run('PERIODS', d, 'quarter:jul', 3) as string[][];
    expect(labels).toEqual([['FY2027-Q1 (Jul)', 'FY2027-Q2 (Oct)', 'FY2027-Q3 (Jan)']]);
    expect(run('MEASURE_SERIES', 'revenue', labels, d, v)).toEqual([[200, 10, 1]]);
    expect((run('PERIOD_SERIES', d, v, 'quarter:jul') as unknown[][]).slice(1)).toEqual([
      ['FY2027-Q1 (Jul)', 200],
      ['FY2027-Q2 (Oct)', 10],
      ['FY2027-Q3 (Jan)', 1],
    ]);
  });

  describe.each(
    Array.from({ length: 12 }, (_, i) => i + 1).flatMap((start) =>
      (['quarter', 'year'] as const).map((kind) => [`${kind}:${MONTHS[start - 1]}`] as const),
    ),
  )('%s', (spec) => {
    test('MEASURE_SERIES("revenue", PERIODS(d, spec, n), d, v) = the matching PERIOD_SERIES(d, v, spec) values', () => {
      const row = fc.record({
        day: fc.integer({ min: 0, max: 2000 }),
        amount: fc.integer({ min: -1000, max: 100000 }),
        asText: fc.boolean(),
      });
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (rows, n) => {
          const dates = rows.map((r) => {
            const d = new Date(Date.UTC(2024, 0, 1 + r.day));
            return [r.asText ? d.toISOString().slice(0, 10) : d] as Cell[];
          });
          const values = rows.map((r) => [r.amount]);
          const labels = run('PERIODS', dates, spec, n) as string[][];
          const measured = (run('MEASURE_SERIES', 'revenue', labels, dates, values) as number[][])[0];
          const series = (run('PERIOD_SERIES', dates, values, spec) as [string, number][]).slice(1).slice(-n);
          const before = n - series.length; // periods before the first date: no data, so blank
          expect(labels[0].slice(before)).toEqual(series.map((r) => r[0]));
          expect(measured.slice(before)).toEqual(series.map((r) => r[1]));
          expect(measured.slice(0, before)).toEqual(new Array(before).fill(''));
        }),
        { numRuns: 25 },
      );
    });
  });
});

describe('MEASURE_SERIES', () => {
  const d = col('2026-01-05', '2026-02-10', '2026-02-20');
  test('every measure by its id, in any case; blank where a period has nothing to measure or lies outside the dates', () => {
    expect(run('MEASURE_SERIES', 'Revenue', [['2026-01', '2026-02', '2026-03']], d, col(5, 7, 1))).toEqual([[5, 8, '']]);
    // Inside the dates an empty period sold nothing: 0.
    expect(run('MEASURE_SERIES', 'Revenue', [['2026-01', '2026-02', '2026-03']], col('2026-01-05', '2026-03-01'), col(5, 7))).toEqual([
      [5, 0, 7],
    ]);
    expect(run('MEASURE_SERIES', 'nps', [['2026-01', '', '2026-02', '2026-03']], d, col(10, 0, 6))).toEqual([[100, -100, '']]);
    expect(run('MEASURE_SERIES', 'orders', [['2026-02']], d)).toEqual([[2]]);
  });
  test('the nps row is NPS_BY_PERIOD’s NPS, counted by the same function', () => {
    const dates = col('2026-01-05', '2026-01-06', '2026-03-01', '2026-03-02', '');
    const scores = col(10, 7, 0, 9, 10);
    const table = (run('NPS_BY_PERIOD', dates, scores) as unknown[][]).slice(1);
    const row = run('MEASURE_SERIES', 'nps', [table.map((r) => r[0] as string)], dates, scores) as unknown[][];
    expect(row[0]).toEqual(table.map((r) => r[2]));
  });
  test('clear errors', () => {
    expect(errorOf(() => run('MEASURE_SERIES', 'profit', [['2026-01']], d, col(1, 2, 3))).message).toMatch(
      /^MEASURE_SERIES: argument measure is "profit"; give "nps", "csat", .* or "average_order_value"$/,
    );
    expect(errorOf(() => run('MEASURE_SERIES', '', [['2026-01']], d)).message).toMatch(
      /^MEASURE_SERIES: argument measure is missing; give "nps"/,
    );
    expect(errorOf(() => run('MEASURE_SERIES', 'revenue', [['', '']], d, col(1, 2, 3))).message).toBe(
      'MEASURE_SERIES: periods is empty; give a row of period labels, e.g. from PERIODS',
    );
    expect(errorOf(() => run('MEASURE_SERIES', 'revenue', [['2026-01', 'Feb']], d, col(1, 2, 3))).message).toBe(
      `MEASURE_SERIES: row 1, column 2 of periods holds "Feb"; ${LABEL_HELP}`,
    );
    expect(errorOf(() => run('MEASURE_SERIES', 'revenue', [['2026-01', '2026-Q1']], d, col(1, 2, 3))).message).toMatch(
      /^MEASURE_SERIES: row 1, column 2 of periods holds "2026-Q1"; the row mixes kinds of period/,
    );
    expect(errorOf(() => run('MEASURE_SERIES', 'revenue', [['FY2027-Q1 (Jul)', 'FY2027-Q2 (Jul)']], d, col(1, 2, 3))).message).toMatch(
      /the row mixes kinds of period/,
    );
  });
  test('an FY label without its month is an error that says to use PERIODS’ labels, never read with an assumed start', () => {
    expect(errorOf(() => run('MEASURE_SERIES', 'revenue', [['FY2027-Q1', 'FY2027-Q2']], d, col(1, 2, 3))).message).toBe(
      'MEASURE_SERIES: row 1, column 1 of periods holds "FY2027-Q1"; a fiscal label names the month its period begins, ' +
        'as PERIODS writes it: FY2027-Q1 (Jul); make the row with PERIODS(dates, "quarter:jul")',
    );
  });
});
