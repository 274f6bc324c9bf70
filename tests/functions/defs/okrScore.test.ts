import { errorOf, run } from '../helpers';

describe('OKR_SCORE', () => {
  test('the formula on single values and on ranges; blank rows stay blank', () => {
    expect(run('OKR_SCORE', 0, 70, 100)).toBe(0.7);
    expect(run('OKR_SCORE', '£100', '£80', '£50')).toBe(0.4);
    expect(run('OKR_SCORE', [[0], [100], ['']], [[70], [80], ['']], [[100], [50], ['']])).toEqual([[0.7], [0.4], ['']]);
    expect(run('OKR_SCORE', 0, '', 100)).toBe('');
  });
  test('clear errors', () => {
    expect(errorOf(() => run('OKR_SCORE', [[0], [1]], [[70]], [[100], [2]])).message).toBe(
      'OKR_SCORE: start, current and target must be the same shape (start is 2×1, current 1×1, target 2×1)',
    );
    expect(errorOf(() => run('OKR_SCORE', 0, 'x', 100)).message).toBe('OKR_SCORE: current holds "x"; expected a number');
    expect(errorOf(() => run('OKR_SCORE', [[0], [1]], [[1], ['x']], [[5], [5]])).message).toBe(
      'OKR_SCORE: row 2, column 1 of current holds "x"; expected a number',
    );
    expect(errorOf(() => run('OKR_SCORE', '', 5, 100)).message).toBe('OKR_SCORE: needs both a start and a target');
    expect(errorOf(() => run('OKR_SCORE', 0, 5)).message).toBe(
      'OKR_SCORE: argument target is missing; give a number or a rectangular range',
    );
  });
});
