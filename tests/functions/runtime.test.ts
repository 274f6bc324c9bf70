import { FUNCTIONS, findFormula } from '../../src/functions/registry';
import { CELL_TEXT_MAX, CUT_MARK, runFormula } from '../../src/functions/runtime';
import { PERIOD_HELP } from '../../src/core/time/periods';
import { CTX, errorOf, run } from './helpers';

describe('runFormula: what goes back to Sheets', () => {
  test('no text longer than a Sheets cell holds (50,000 characters): cut, visibly, never split inside a character', () => {
    const long = 'x'.repeat(60_000);
    const out = run('KEY_ACCOUNTS', [[long], ['B']], [[10], [5]]) as string[][];
    expect(out[1][0]).toHaveLength(CELL_TEXT_MAX);
    expect(out[1][0].endsWith(CUT_MARK)).toBe(true);
    expect(out[1][0].startsWith('x'.repeat(CELL_TEXT_MAX - CUT_MARK.length))).toBe(true);
    // An emoji (two UTF-16 units) across the cut is not halved.
    const emoji = 'x'.repeat(CELL_TEXT_MAX - CUT_MARK.length - 1) + '😀'.repeat(10);
    const cut = (run('KEY_ACCOUNTS', [[emoji]], [[1]]) as string[][])[1][0];
    expect(cut).toBe('x'.repeat(CELL_TEXT_MAX - CUT_MARK.length - 1) + CUT_MARK);
    // Exactly 50,000 stays whole.
    const edge = 'y'.repeat(CELL_TEXT_MAX);
    expect((run('KEY_ACCOUNTS', [[edge]], [[1]]) as string[][])[1][0]).toBe(edge);
  });
  test('an unknown formula', () => {
    expect(errorOf(() => runFormula('NOPE', [], CTX)).message).toBe('Leadlag has no formula called NOPE');
  });
  test('names are case-insensitive', () => {
    expect(findFormula('nps')?.name).toBe('NPS');
    expect(runFormula('nps', [[[10]]], CTX)).toBe(100);
  });
  test('too many arguments is a clear error naming them', () => {
    expect(errorOf(() => run('NPS', [[10]], 5)).message).toBe('NPS: takes at most 1 argument (scores) but got 2');
    expect(errorOf(() => run('CSAT', [[5]], 5, 2, 1)).message).toBe('CSAT: takes at most 3 arguments (scores, scale, top_box) but got 4');
  });
  test('a missing required range is a clear error naming it', () => {
    expect(errorOf(() => run('NPS')).message).toBe('NPS: argument scores is missing; select the cells that hold it');
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01']])).message).toBe(
      'NPS_BY_PERIOD: argument scores is missing; select the cells that hold it',
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-01']])).message).toBe(
      'ONTIME_RATE: argument delivered is missing; select the cells that hold it',
    );
  });
  test('options given as a range of several cells are a clear error', () => {
    expect(errorOf(() => run('CSAT', [[5]], [[5, 6]])).message).toBe(
      'CSAT: argument scale is a range of 2 cells; give a whole number from 2 to 100',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01']], [[10]], 5)).message).toBe(
      `NPS_BY_PERIOD: argument period is 5; ${PERIOD_HELP}`,
    );
  });
  test('blank options take their defaults; a 1×1 range counts as its value', () => {
    expect(run('CSAT', [[5], [3]], '', '')).toBe(0.5);
    expect(run('CSAT', [[5], [3]], [[5]], [[2]])).toBe(0.5);
  });
  test.each(FUNCTIONS.map((f) => f.name))('%s: no arguments is a clear error that starts with its name', (name) => {
    const e = errorOf(() => run(name));
    expect(e.message.startsWith(`${name}: `)).toBe(true);
    expect(e.message).not.toContain('could not compute');
  });
  test('empty input is a clear error', () => {
    const cases: [string, unknown[], string][] = [
      ['NPS', [[['']]], 'NPS: no scores found in scores; select the cells that hold them (the header row may be included)'],
      ['NPS_DETAIL', [''], 'NPS_DETAIL: no scores found in scores; select the cells that hold them (the header row may be included)'],
      [
        'NPS_BY_PERIOD',
        [[['']], [['']]],
        'NPS_BY_PERIOD: no scores found in scores; select the cells that hold them (the header row may be included)',
      ],
      ['CSAT', [[['']]], 'CSAT: no ratings found in scores; select the cells that hold them (the header row may be included)'],
      [
        'NET_COMPARISON',
        [[['']]],
        'NET_COMPARISON: no answers found in answers; select the cells that hold them (the header row may be included)',
      ],
      [
        'ONTIME_RATE',
        [[['']], [['']]],
        'ONTIME_RATE: no promised dates found in promised; select the cells that hold them (the header row may be included)',
      ],
      [
        'RETURN_RATE',
        [[['']], [['']]],
        'RETURN_RATE: no sales found in sold; select the cells that hold them (the header row may be included)',
      ],
      [
        'REVIEW_RESPONSE_RATE',
        [[['']], [['']]],
        'REVIEW_RESPONSE_RATE: no star ratings found in stars; select the cells that hold them (the header row may be included)',
      ],
      [
        'PERIOD_SERIES',
        [[['']], [['']]],
        'PERIOD_SERIES: no values found in values; select the cells that hold them (the header row may be included)',
      ],
      [
        'TARGET_PRESSURE',
        [[['']], [['']]],
        'TARGET_PRESSURE: no amounts found in amounts; select the cells that hold them (the header row may be included)',
      ],
      [
        'KEY_ACCOUNTS',
        [[['']], [['']]],
        'KEY_ACCOUNTS: no customers found in customers; select the cells that hold them (the header row may be included)',
      ],
      [
        'IMPROVEMENT_SUMMARY',
        [[['']], [['']], [['']]],
        'IMPROVEMENT_SUMMARY: no statuses found in status; select the cells that hold them (the header row may be included)',
      ],
    ];
    for (const [name, args, message] of cases) expect(errorOf(() => runFormula(name, args, CTX)).message).toBe(message);
  });
  test('the header row is tolerated by every reader that takes one', () => {
    expect(run('NPS', [['Score'], [10]])).toBe(100);
    expect(run('NPS_DETAIL', [['Score'], [10]])).toEqual(expect.arrayContaining([expect.arrayContaining([1, 1, 0, 0, 100])]));
    expect(run('CSAT', [['Rating'], [5]])).toBe(1);
    expect(run('NET_COMPARISON', [['Compared with others?'], ['worse']])).toBe(-1);
    expect(run('ONTIME_RATE', [['Promised'], ['2026-01-10']], [['Delivered'], ['2026-01-10']])).toBe(1);
    expect(run('RETURN_RATE', [['Sold'], [10]], [['Returned'], [1]])).toBe(0.1);
    expect(run('REVIEW_RESPONSE_RATE', [['Stars'], [1]], [['Replied'], ['yes']])).toBe(1);
    expect((run('PERIOD_SERIES', [['Date'], ['2026-01-10']], [['Amount'], [5]]) as unknown[][])[1]).toEqual(['2026-01', 5]);
    expect((run('TARGET_PRESSURE', [['Date'], ['2026-01-10']], [['Amount'], [5]]) as unknown[][])[1][0]).toBe('2026-Q1');
    expect((run('KEY_ACCOUNTS', [['Customer'], ['Acme']], [['Revenue'], [5]]) as unknown[][])[1][0]).toBe('Acme');
    expect((run('IMPROVEMENT_SUMMARY', [['Status'], ['open']], [['Due'], ['2026-01-01']], [['Closed'], ['']]) as unknown[][])[1]).toEqual([
      1,
      1,
      0,
      '',
    ]);
  });
  test('the header row must be the first row', () => {
    expect(errorOf(() => run('NPS', [[10], ['Score']])).message).toBe('NPS: row 2 holds "Score"; scores are whole numbers from 0 to 10');
  });
  test('a Sheets error cell is named as such', () => {
    expect(errorOf(() => run('NPS', [[10], ['#N/A']])).message).toBe('NPS: row 2 holds "#N/A"; scores are whole numbers from 0 to 10');
  });
  test('results never hold -0', () => {
    const out = run('NPS_BY_PERIOD', [['2026-01-01'], ['2026-02-01']], [[10], [10]]) as (string | number)[][];
    expect(Object.is(out[2][4], -0)).toBe(false);
    expect(out[2][4]).toBe(0);
  });
});
