import { errorOf, run } from '../helpers';

describe('REVIEW_RESPONSE_RATE', () => {
  test('stars ≤ 2 by default; a reply text counts as answered', () => {
    const stars = [['Stars'], [1], ['2/5'], ['★☆☆☆☆'], ['4 stars'], [5], [2]];
    const replies = [['Reply'], ['Thanks for the feedback'], ['no'], ['✓'], [''], ['yes'], ['']];
    expect(run('REVIEW_RESPONSE_RATE', stars, replies)).toBe(0.5);
  });
  test('low_max', () => {
    expect(run('REVIEW_RESPONSE_RATE', [[3], [1]], [['yes'], ['no']], 3)).toBe(0.5);
    expect(run('REVIEW_RESPONSE_RATE', [[3], [1]], [['yes'], ['no']], 1)).toBe(0);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[5], [4]], [['yes'], ['no']])).message).toBe(
      'REVIEW_RESPONSE_RATE: no reviews with 2 stars or fewer, so nothing needed an answer',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[3], ['bad']], [['yes'], ['no']])).message).toBe(
      'REVIEW_RESPONSE_RATE: row 2 of stars holds "bad"; stars are numbers from 1 to 5, "4/5", "4 stars" or ★★★★☆',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[3]], [['yes']], 11)).message).toBe(
      'REVIEW_RESPONSE_RATE: argument low_max is 11; give a number of stars from 0 to 10, such as 2',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[1], [2]], [['yes']])).message).toMatch(
      /^REVIEW_RESPONSE_RATE: stars has 2 cells but responded has 1/,
    );
  });
});
