import { comparisonRows, readComparison } from '../../../src/core/measures/comparison';
import { ratioTotals } from '../../../src/core/measures/ratio';
import { col } from '../helpers';

describe('Net comparison: (better − worse) / answers, matched by keyword', () => {
  test.each<[string, string | null | undefined]>([
    ['Better', 'better'],
    ['Much better', 'better'],
    ['About the same', 'same'],
    ['the same', 'same'],
    ['Similar', 'same'],
    ['Worse than others', 'worse'],
    ['WORSE', 'worse'],
    ['not worse', 'same'],
    ['Not any better', 'same'],
    ['', null],
    ['Better than some, worse than others', undefined],
    ['great', undefined],
  ])('%j → %p', (text, expected) => {
    expect(readComparison(text)).toBe(expected);
  });
  test('numbers and booleans are not answers', () => {
    expect(readComparison(1)).toBeUndefined();
    expect(readComparison(true)).toBeUndefined();
  });
  test('(better − worse)/answers', () => {
    const r = comparisonRows(col(['Much better', 'About the same', 'Worse than others', 'better', 'not worse', ''], 'answers'));
    expect(ratioTotals(r)).toEqual({ num: 1, den: 5, rows: 5 });
  });
});
