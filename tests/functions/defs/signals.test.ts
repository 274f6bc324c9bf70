import { errorOf, run } from '../helpers';

const HEADER = ['Value', 'Centre', 'Lower limit', 'Upper limit', 'Signal'];

describe('SIGNALS', () => {
  test('one row per value with the centre, the limits and the signal (outside the limits)', () => {
    const out = run('SIGNALS', [[10], [12], [11], [13], [12], [30]]) as (string | number)[][];
    expect(out[0]).toEqual(HEADER);
    expect(out.map((r) => r[0])).toEqual(['Value', 10, 12, 11, 13, 12, 30]);
    expect(out[1][1]).toBeCloseTo(88 / 6, 12);
    expect(out[1][2]).toBeCloseTo(88 / 6 - 2.66 * 4.8, 12);
    expect(out[1][3]).toBeCloseTo(88 / 6 + 2.66 * 4.8, 12);
    expect(out.slice(1).map((r) => r[4])).toEqual(['', '', '', '', '', 'Outside limits']);
  });
  test('a run of 8 on one side of the centre; a single change is routine variation', () => {
    const out = run('SIGNALS', [[0, 10, 0, 10, 0, 10, 6, 7, 6, 7, 6, 7, 6, 7]]) as (string | number)[][];
    expect(out.slice(1).map((r) => r[4])).toEqual(['', '', '', '', '', '', '', '', '', '', '', '', 'Run of 8', 'Run of 8']);
    const routine = run('SIGNALS', [[100, 104, 97, 101, 99, 103, 96, 102]]) as (string | number)[][];
    expect(routine.slice(1).every((r) => r[4] === '')).toBe(true);
  });
  test('blanks are skipped (not zeros); a text first cell is a header; a row works as a column', () => {
    const col = run('SIGNALS', [['NPS'], [10], [''], [12], [11], ['n/a'], [13], [12], [30]]) as (string | number)[][];
    expect(col.map((r) => r[0])).toEqual(['Value', 10, 12, 11, 13, 12, 30]);
    expect(run('SIGNALS', [[10, 12, 11, 13, 12, 30]])).toEqual(run('SIGNALS', [[10], [12], [11], [13], [12], [30]]));
  });
  test('fewer than 6 values is an error that says so', () => {
    expect(errorOf(() => run('SIGNALS', [[1], [2], [''], [3], [4], [5]])).message).toBe(
      'SIGNALS: needs at least 6 values to tell a signal from routine variation, and values has 5; give more periods',
    );
    expect(errorOf(() => run('SIGNALS', [[''], ['']])).message).toMatch(/and values has none; give more periods$/);
    expect(errorOf(() => run('SIGNALS', [[1], ['x'], [3]])).message).toBe(
      'SIGNALS: row 2 holds "x"; expected one number per period, e.g. the Value column of PERIOD_SERIES',
    );
  });
});
