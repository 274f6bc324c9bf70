import { errorOf, run } from '../helpers';

const HEADER = ['Customer', 'Revenue', 'Share', 'Cumulative share', 'Tier', 'Suggested effort', 'At risk'];

describe('KEY_ACCOUNTS', () => {
  test('sorted from largest; share, cumulative share and effort = share', () => {
    const out = run('KEY_ACCOUNTS', [['Customer'], ['Cog'], ['Acme'], ['Bolt']], [['Revenue'], [10], [60], [30]]) as (
      string | number | boolean
    )[][];
    expect(out).toEqual(
      [
        HEADER,
        ['Acme', 60, 0.6, 0.6, 'A', 0.6, false],
        ['Bolt', 30, 0.3, 0.9, 'A', 0.3, false], // 60% before
        ['Cog', 10, 0.1, 1, 'B', 0.1, false], // 90% before
      ].map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], expect.closeTo(r[3] as number, 12), r[4], r[5], r[6]])),
    );
  });
  test('names are grouped ignoring case and spaces; Total rows and the header are left out; text amounts are read', () => {
    const out = run(
      'KEY_ACCOUNTS',
      [['Customer'], ['Acme'], ['Bolt'], ['Cog'], ['acme  '], ['Total']],
      [['Revenue'], ['£50'], [30], [15], ['30.00'], [125]],
    ) as (string | number)[][];
    expect(out.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Acme', 80],
      ['Bolt', 30],
      ['Cog', 15],
    ]);
  });
  test('tied customers share a tier: revenues 70, 10, 10, 5, 5 put both 5s in B', () => {
    const out = run('KEY_ACCOUNTS', [['Ash'], ['Elm'], ['Fir'], ['Oak'], ['Yew']], [[70], [10], [10], [5], [5]]) as (string | number)[][];
    expect(out.slice(1).map((r) => `${r[0]}:${r[4]}`)).toEqual(['Ash:A', 'Elm:A', 'Fir:A', 'Oak:B', 'Yew:B']);
  });
  test('returns and credits are netted; a net negative customer is listed last, outside the shares', () => {
    const out = run('KEY_ACCOUNTS', [['A'], ['B'], ['C'], ['C']], [[600], [400], [10], [-37]]) as (string | number | boolean)[][];
    expect(out).toEqual([
      HEADER,
      ['A', 600, 0.6, 0.6, 'A', 0.6, false],
      ['B', 400, 0.4, 1, 'A', 0.4, false], // 60% before
      ['C', -27, '', '', 'Net negative', '', false],
    ]);
  });
  test('sums that overflow give a clear error', () => {
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['B']], [[1e308], [1e308]])).message).toBe(
      'KEY_ACCOUNTS: the revenue of all customers adds up to a total that is larger than a spreadsheet number can hold (about 1.8e308); check that revenue holds amounts',
    );
  });
  test('clear errors', () => {
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['']], [[60], [20]])).message).toBe(
      'KEY_ACCOUNTS: row 2 of revenue holds 20; this row has revenue but no customer; fill in the customer or clear the row',
    );
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['B']], [[60], ['lots']])).message).toBe(
      'KEY_ACCOUNTS: row 2 of revenue holds "lots"; expected an amount such as 1234.5 or "£1,234.50"',
    );
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['B']], [[0], ['']])).message).toBe(
      "KEY_ACCOUNTS: the revenue adds up to nothing; select the column that holds each sale's amount",
    );
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['B']], [[1], [2]], [['x'], ['meh']])).message).toBe(
      'KEY_ACCOUNTS: row 2 of scores holds "meh"; expected a referral score from 0 to 10 or "better", "about the same", "worse"',
    );
    expect(errorOf(() => run('KEY_ACCOUNTS', [['A'], ['B']], [[1]])).message).toBe(
      'KEY_ACCOUNTS: customers has 2 cells but revenue has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('KEY_ACCOUNTS', [[''], ['']], [[''], ['']])).message).toMatch(
      /^KEY_ACCOUNTS: no customers found in customers/,
    );
  });
});
