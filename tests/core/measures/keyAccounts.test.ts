import { keyAccounts } from '../../../src/core/measures/keyAccounts';
import { col } from '../helpers';

const tiers = (names: string[], revenue: number[]) =>
  keyAccounts(col(names, 'customers', true), col(revenue, 'revenue', true)).map((a) => `${a.customer}:${a.tier}`);

describe('key accounts: tiers by cumulative share before the customer', () => {
  test('< 80% → A, < 95% → B, else C; exactly 80% and exactly 95% before are not below', () => {
    // Before A: 0 → A; before B: 80% → B; before C: 95% → C.
    expect(tiers(['A', 'B', 'C'], [80, 15, 5])).toEqual(['A:A', 'B:B', 'C:C']);
    // Just below the boundaries.
    expect(tiers(['A', 'B', 'C'], [79, 15, 6])).toEqual(['A:A', 'B:A', 'C:B']); // 79% and 94% before
    expect(tiers(['A', 'B', 'C', 'D'], [60, 20, 15, 5])).toEqual(['A:A', 'B:A', 'C:B', 'D:C']);
  });
  test('at risk: a tier A or B customer whose latest score is a detractor (≤ 6) or who answered "worse"', () => {
    const list = keyAccounts(
      col(['A', 'B', 'C', 'D', 'E'], 'customers', true),
      col([50, 20, 10, 15, 5], 'revenue', true),
      col([6, 'worse', 9, 7, 0], 'scores', true),
    );
    expect(list.map((a) => [a.customer, a.tier, a.atRisk])).toEqual([
      ['A', 'A', true], // 6 is a detractor
      ['B', 'A', true], // "worse"
      ['D', 'A', false], // 7 is a passive
      ['C', 'B', false], // 9 is a promoter
      ['E', 'C', false], // tier C is never flagged
    ]);
  });
  test('"latest" is the last row: a detractor who later gave 10 is not at risk, and the reverse is', () => {
    const risk = (scores: (string | number)[]) =>
      keyAccounts(col(['A', 'A', 'B'], 'customers', true), col([60, 20, 20], 'revenue', true), col(scores, 'scores', true))[0].atRisk;
    expect(risk([3, 10, 'better'])).toBe(false);
    expect(risk([10, 3, 'better'])).toBe(true);
    expect(risk([10, '', 'better'])).toBe(false); // a blank does not replace the latest answer
    expect(risk(['10 - Extremely likely', 'Much worse', 'better'])).toBe(true);
  });
  // BUG (src/core/measures/keyAccounts.ts): the cumulative share is a running sum of floating-point
  // shares, so "before" can land just under 0.8 or 0.95 when it is exactly 80% or 95%.
  // Counterexample 1: revenue 70, 10, 10, 10 → the third customer has exactly 80% before it
  // (0.7 + 0.1 = 0.7999999999999999) and is tier A instead of B.
  // Counterexample 2: revenue 69, 18, 8, 5 → the fourth has exactly 95% before it
  // (0.69 + 0.18 + 0.08 = 0.9499999999999998) and is tier B instead of C.
  // (Compare running revenue with 0.8·total and 0.95·total instead.) Remove `.failing` once fixed.
  test('exactly 80% before is tier B', () => {
    expect(tiers(['a', 'b', 'c', 'd'], [70, 10, 10, 10])).toEqual(['a:A', 'b:A', 'c:B', 'd:B']);
  });
  test('exactly 95% before is tier C', () => {
    expect(tiers(['a', 'b', 'c', 'd'], [69, 18, 8, 5])).toEqual(['a:A', 'b:A', 'c:B', 'd:C']);
  });
});
