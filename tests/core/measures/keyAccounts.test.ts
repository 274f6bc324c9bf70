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
  // Exactly 80% (95%) before a customer is not below 80% (95%): running revenue is compared with 80% of the
  // total, not a running sum of rounded shares (0.7 + 0.1 = 0.7999999999999999).
  test('exactly 80% before is tier B', () => {
    expect(tiers(['a', 'b', 'c', 'd', 'e'], [70, 10, 9, 8, 3])).toEqual(['a:A', 'b:A', 'c:B', 'd:B', 'e:C']);
  });
  test('exactly 95% before is tier C', () => {
    expect(tiers(['a', 'b', 'c', 'd'], [69, 18, 8, 5])).toEqual(['a:A', 'b:A', 'c:B', 'd:C']);
  });
});

describe('key accounts: ties share the tier of the first of them (DOMAIN.md)', () => {
  test('revenues 70, 10, 10, 5, 5: the two 5s are both B, whatever their names', () => {
    expect(tiers(['Zed', 'Yak', 'Xen', 'Bob', 'Amy'], [70, 10, 10, 5, 5])).toEqual(['Zed:A', 'Xen:A', 'Yak:A', 'Amy:B', 'Bob:B']);
    // Renaming the customers never moves one across a tier.
    expect(tiers(['Zed', 'Yak', 'Xen', 'Amy', 'Bob'], [70, 10, 10, 5, 5]).map((t) => t.slice(-1))).toEqual(['A', 'A', 'A', 'B', 'B']);
  });
  test('a tie across the 80% line: every customer of the tie takes the tier of the first', () => {
    // 60 and 20 are A (0% and 60% before); the 10s have 80% and 90% before: both B.
    expect(tiers(['a', 'b', 'c', 'd'], [60, 20, 10, 10])).toEqual(['a:A', 'b:A', 'c:B', 'd:B']);
    // Four of 25: all A (the first has 0% before).
    expect(tiers(['a', 'b', 'c', 'd'], [25, 25, 25, 25])).toEqual(['a:A', 'b:A', 'c:A', 'd:A']);
  });
  test('sums that differ only in the last bits (10.1 + 20.2 against 30.3) are a tie', () => {
    const list = keyAccounts(
      col(['Big', 'Split', 'Split', 'Whole', 'Small'], 'customers', true),
      col([250, 10.1, 20.2, 30.3, 4], 'revenue', true),
    );
    expect(10.1 + 20.2).not.toBe(30.3);
    // Big 250 of 314.6 = 79.5% → A; Split and Whole tie at 30.3 with 79.5% before the first: both A.
    expect(list.map((a) => `${a.customer}:${a.tier}`)).toEqual(['Big:A', 'Split:A', 'Whole:A', 'Small:C']);
  });
});

describe('key accounts: returns and credits (negative amounts)', () => {
  test('are netted per customer; a customer with a negative net total is listed apart, outside the shares', () => {
    const list = keyAccounts(col(['A', 'B', 'C', 'C', 'D'], 'customers', true), col([80, 20, 5, -10, 0], 'revenue', true));
    expect(list).toEqual([
      { customer: 'A', revenue: 80, share: 0.8, cumulative: 0.8, tier: 'A', effort: 0.8, atRisk: false },
      { customer: 'B', revenue: 20, share: 0.2, cumulative: 1, tier: 'B', effort: 0.2, atRisk: false },
      { customer: 'C', revenue: -5, share: null, cumulative: null, tier: 'net negative', effort: null, atRisk: false },
    ]);
  });
  test('shares stay within 0..1 and the cumulative share ends at 1 (it was 1.027 with a credit inside the shares)', () => {
    const list = keyAccounts(col(['A', 'B', 'C', 'D'], 'customers', true), col([500, 300, 200, -27], 'revenue', true));
    const inside = list.filter((a) => a.share !== null);
    for (const a of inside) expect(a.share! >= 0 && a.share! <= 1 && a.effort! >= 0).toBe(true);
    expect(inside[inside.length - 1].cumulative).toBe(1);
    expect(list[list.length - 1]).toMatchObject({ customer: 'D', revenue: -27, tier: 'net negative' });
  });
  test('a credit that only reduces a customer keeps them in the shares, with their net revenue', () => {
    const list = keyAccounts(col(['A', 'A', 'B'], 'customers', true), col([100, -40, 40], 'revenue', true));
    expect(list.map((a) => [a.customer, a.revenue, a.share, a.tier])).toEqual([
      ['A', 60, 0.6, 'A'],
      ['B', 40, 0.4, 'A'],
    ]);
  });
  test('only credits: a clear error', () => {
    expect(() => keyAccounts(col(['A', 'B'], 'customers', true), col([-1, -2], 'revenue', true))).toThrow(
      /no customer has a positive net revenue \(returns and credits exceed the sales\)/,
    );
  });
});

describe('key accounts: sums that overflow', () => {
  test('two customers of 1e308: a clear error, not an internal NaN', () => {
    expect(() => keyAccounts(col(['A', 'B'], 'customers', true), col([1e308, 1e308], 'revenue', true))).toThrow(
      'the revenue of all customers adds up to a total that is larger than a spreadsheet number can hold (about 1.8e308); check that revenue holds amounts',
    );
  });
  test('one customer whose sales overflow: the error names the customer', () => {
    expect(() => keyAccounts(col(['Acme', 'Acme'], 'customers', true), col([1.5e308, 1.5e308], 'revenue', true))).toThrow(
      'the revenue of "Acme" adds up to a total that is larger',
    );
  });
});
