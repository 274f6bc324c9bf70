import fc from 'fast-check';
import { errorOf, run } from '../helpers';

const rows = (cells: unknown[]) => cells.map((c) => [c]);

describe('OKR_ROLLUP', () => {
  const ids = ['ID', 'O1', 'KR1', 'KR2', 'O2', 'KR3', '', 'KR4'];
  const parents = ['Parent', '', 'O1', 'O1', 'KR2', 'O2', '', 'O1'];
  const scores = ['Score', '', 0.5, 1, '', 0.2, '', ''];
  const weights = ['Weight', '', 3, 1, '', '', '', ''];
  const names = [
    'Goal',
    'Grow revenue 15%',
    'Revenue up',
    'Referral score from 20 to 35',
    'Reply within 2 days',
    'Replies',
    '',
    'Not measured yet',
  ];

  test('scores each goal up the tree, in the rows’ order, with its chain; a header row stays a header', () => {
    const out = run('OKR_ROLLUP', rows(ids), rows(parents), rows(scores), rows(weights), rows(names)) as (string | number)[][];
    expect(out[0]).toEqual(['Score', 'Chain to the company goal']);
    // O1 = (3·0.5 + 1·1) / 4: KR4 has no score and no children, so it does not count.
    expect(out[1]).toEqual([0.625, 'Grow revenue 15%']);
    expect(out[2]).toEqual([0.5, 'Revenue up → Grow revenue 15%']);
    // KR2 keeps its own score; O2 under it is the mean of its key result.
    expect(out[3]).toEqual([1, 'Referral score from 20 to 35 → Grow revenue 15%']);
    expect(out[4]).toEqual([0.2, 'Reply within 2 days → Referral score from 20 to 35 → Grow revenue 15%']);
    expect(out[6]).toEqual(['', '']);
    expect(out[7]).toEqual(['', 'Not measured yet → Grow revenue 15%']);
  });

  test('without names the chain is of IDs; without weights each counts 1', () => {
    const out = run('OKR_ROLLUP', rows(['O1', 'KR1', 'KR2']), rows(['', 'O1', 'O1']), rows(['', 0.2, 0.6])) as (string | number)[][];
    expect(out[0][0]).toBeCloseTo(0.4, 15);
    expect(out[2]).toEqual([0.6, 'KR2 → O1']);
  });

  test('a cycle or a missing parent is an error naming the row', () => {
    expect(errorOf(() => run('OKR_ROLLUP', rows(['O1', 'KR1']), rows(['KR1', 'O1']), rows(['', 0.5]))).message).toBe(
      'OKR_ROLLUP: the goal "O1" (row 1 of ids) is part of a loop of parents: O1 → KR1 → O1 (each names the next as the goal it contributes to); one of them must contribute to a goal outside the loop, or to none',
    );
    expect(
      errorOf(() => run('OKR_ROLLUP', rows(['ID', 'O1', 'KR1']), rows(['Parent', '', 'O7']), rows(['Score', '', 0.5]))).message,
    ).toMatch(/^OKR_ROLLUP: the goal "KR1" \(row 3 of ids\) names the parent "O7", which is not the ID of any goal/);
  });

  test('scores must be from 0 to 1, weights 0 or more; an error cell in scores says to fix it first', () => {
    expect(errorOf(() => run('OKR_ROLLUP', rows(['O1', 'KR1']), rows(['', 'O1']), rows(['', 1.4]))).message).toBe(
      'OKR_ROLLUP: row 2 of scores holds 1.4; a score is a number from 0 to 1 (OKR_SCORE gives one)',
    );
    expect(errorOf(() => run('OKR_ROLLUP', rows(['O1', 'KR1']), rows(['', 'O1']), rows(['', 0.4]), rows(['', -1]))).message).toMatch(
      /the goal "KR1" \(row 2 of ids\) has the weight -1; a weight is a number of 0 or more/,
    );
    expect(errorOf(() => run('OKR_ROLLUP', rows(['O1', 'KR1']), rows(['', 'O1']), rows(['', '#ERROR!']))).message).toBe(
      'OKR_ROLLUP: row 2 of scores holds #ERROR!; fix that cell first (its own formula says what is wrong)',
    );
    expect(errorOf(() => run('OKR_ROLLUP', rows(['O1', 'KR1']), rows(['', 'O1']), rows(['', 0.4]), rows(['', 0]))).message).toMatch(
      /the goals under the goal "O1" \(row 1 of ids\) that have a score all have the weight 0/,
    );
  });

  test('property: through the formula, a roll-up score is the weighted mean of its children’s (a row per row)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 1, max: 9 }), s: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 12 }),
        (krs) => {
          const out = run(
            'OKR_ROLLUP',
            rows(['O', ...krs.map((_, i) => `K${i}`)]),
            rows(['', ...krs.map(() => 'O')]),
            rows(['', ...krs.map((k) => k.s / 100)]),
            rows(['', ...krs.map((k) => k.w)]),
          ) as number[][];
          const mean = krs.reduce((a, k) => a + (k.w * k.s) / 100, 0) / krs.reduce((a, k) => a + k.w, 0);
          expect(out).toHaveLength(krs.length + 1);
          expect(out[0][0]).toBeCloseTo(mean, 12);
        },
      ),
    );
  });
});
