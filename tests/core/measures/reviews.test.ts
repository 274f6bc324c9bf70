import { readStars, reviewRows } from '../../../src/core/measures/reviews';
import { ratioTotals } from '../../../src/core/measures/ratio';
import { col } from '../helpers';

describe('Review response: share of low reviews that got a reply', () => {
  test.each<[unknown, number | null | undefined]>([
    [4, 4],
    ['4', 4],
    ['4/5', 4],
    ['4 / 5', 4],
    ['4 stars', 4],
    ['1 star', 1],
    ['★★★★☆', 4],
    ['★☆☆☆☆', 1],
    ['3,5', 3.5],
    ['', null],
    ['great', undefined],
  ])('readStars(%j) = %p', (c, n) => {
    expect(readStars(c as string)).toBe(n);
  });
  test('stars ≤ low_max count; a reply text counts as answered', () => {
    expect(ratioTotals(reviewRows(col([1, 2, 3], 'stars'), col(['yes', 'no', 'yes'], 'responded'), 3))).toEqual({
      num: 2,
      den: 3,
      rows: 3,
    });
  });
});
