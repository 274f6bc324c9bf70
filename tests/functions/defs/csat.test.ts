import { errorOf, run } from '../helpers';

describe('CSAT', () => {
  test('default: 4 or 5 on a 5-point scale', () => {
    expect(run('CSAT', [[5], [4], [3], [2], [1]])).toBe(0.4);
  });
  test('labels, case-insensitive', () => {
    expect(
      run('CSAT', [['Rating'], ['Very satisfied'], ['satisfied'], ['NEUTRAL'], ['Neither'], ['Dissatisfied'], ['very dissatisfied']]),
    ).toBeCloseTo(2 / 6, 15);
  });
  test('other scales and top boxes', () => {
    expect(run('CSAT', [[10], [9], [8]], 10, 2)).toBeCloseTo(2 / 3, 15);
    expect(run('CSAT', [[7], [6], [1]], 7, 1)).toBeCloseTo(1 / 3, 15);
    expect(run('CSAT', [[5], [4], [3]], 5, 3)).toBe(1);
  });
  test('blanks are skipped; the header row is tolerated', () => {
    expect(run('CSAT', [['Q3 rating'], [5], [''], [1]])).toBe(0.5);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('CSAT', [[5], [6]])).message).toBe(
      'CSAT: row 2 holds 6; ratings are whole numbers from 1 to 5 or the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied',
    );
    expect(errorOf(() => run('CSAT', [[5], [4.5]])).message).toMatch(/^CSAT: row 2 holds 4.5;/);
    expect(errorOf(() => run('CSAT', [[10], ['Satisfied']], 10)).message).toBe(
      'CSAT: row 2 holds "Satisfied"; ratings are whole numbers from 1 to 10',
    );
    expect(errorOf(() => run('CSAT', [[''], ['']])).message).toBe(
      'CSAT: no ratings found in scores; select the cells that hold them (the header row may be included)',
    );
  });
  test('top_box is limited by the scale given before it', () => {
    expect(errorOf(() => run('CSAT', [[5]], 5, 5)).message).toBe('CSAT: argument top_box is 5; give a whole number from 1 to 4');
    expect(errorOf(() => run('CSAT', [[10]], 10, 10)).message).toBe('CSAT: argument top_box is 10; give a whole number from 1 to 9');
    expect(errorOf(() => run('CSAT', [[5]], 1)).message).toBe('CSAT: argument scale is 1; give a whole number from 2 to 100');
  });
});
