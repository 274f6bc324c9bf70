import { COMPARISON_EXPECTED } from '../../../src/core/measures/comparison';
import { errorOf, run } from '../helpers';

describe('NET_COMPARISON', () => {
  test('(better − worse)/answers', () => {
    expect(run('NET_COMPARISON', [['Compared with others?'], ['better'], ['better'], ['worse'], ['same']])).toBe(0.25);
    expect(run('NET_COMPARISON', [['worse']])).toBe(-1);
  });
  test('an unmatched answer names its row', () => {
    expect(errorOf(() => run('NET_COMPARISON', [['better'], ['great']])).message).toBe(
      `NET_COMPARISON: row 2 holds "great"; ${COMPARISON_EXPECTED}`,
    );
  });
});
