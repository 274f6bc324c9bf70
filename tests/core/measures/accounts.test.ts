import { keyAccounts } from '../../../src/core/measures/keyAccounts';
import { improvementSummary, readStatus } from '../../../src/core/measures/improvementSummary';
import { objectiveScore, okrScore } from '../../../src/core/measures/okr';
import { InputError } from '../../../src/core/values/errors';
import { CTX, col, day, errorOf, run } from './helpers';

const HEADER = ['Customer', 'Revenue', 'Share', 'Cumulative share', 'Tier', 'Suggested effort', 'At risk'];
const tiers = (names: string[], revenue: number[]) =>
  keyAccounts(col(names, 'customers', true), col(revenue, 'revenue', true)).map((a) => `${a.customer}:${a.tier}`);

describe('KEY_ACCOUNTS: tiers by cumulative share before the customer', () => {
  test('< 80% → A, < 95% → B, else C; exactly 80% and exactly 95% before are not below', () => {
    // Before A: 0 → A; before B: 80% → B; before C: 95% → C.
    expect(tiers(['A', 'B', 'C'], [80, 15, 5])).toEqual(['A:A', 'B:B', 'C:C']);
    // Just below the boundaries.
    expect(tiers(['A', 'B', 'C'], [79, 15, 6])).toEqual(['A:A', 'B:A', 'C:B']); // 79% and 94% before
    expect(tiers(['A', 'B', 'C', 'D'], [60, 20, 15, 5])).toEqual(['A:A', 'B:A', 'C:B', 'D:C']);
  });
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

  // An invalid Date customer: pinned with test.failing in tests/functions/properties.test.ts (known bugs).
});

describe('IMPROVEMENT_SUMMARY: open, overdue, done, median days to close', () => {
  // As of 2026-05-15 (CTX's today).
  const status = [['Status'], ['open'], ['In progress'], ['done'], ['Done'], ['dropped'], ['open'], ['closed'], ['']];
  const due = [
    ['Due'],
    ['2026-05-01'],
    ['2026-05-20'],
    ['2026-04-01'],
    ['2026-04-01'],
    ['2026-01-01'],
    ['2026-05-15'],
    ['2026-04-01'],
    [''],
  ];
  const closed = [['Closed'], [''], [''], ['2026-04-03'], ['2026-04-11'], [''], [''], ['2026-04-01'], ['']];
  const opened = [
    ['Opened'],
    ['2026-03-01'],
    ['2026-03-01'],
    ['2026-03-30'],
    ['2026-04-01'],
    ['2026-01-01'],
    ['2026-05-01'],
    ['2026-03-22'],
    [''],
  ];
  test('open counts open and in progress; overdue is open past its due day (due today is not overdue); median of 4, 10, 10 days is 10', () => {
    expect(run('IMPROVEMENT_SUMMARY', status, due, closed, opened)).toEqual([
      ['Open', 'Overdue', 'Done', 'Median days to close'],
      [3, 1, 3, 10],
    ]);
  });
  test('as_of moves the overdue count; an even number of durations averages the middle two', () => {
    expect((run('IMPROVEMENT_SUMMARY', status, due, closed, opened, '2026-05-21') as number[][])[1][1]).toBe(3);
    expect((run('IMPROVEMENT_SUMMARY', status, due, closed, opened, new Date(Date.UTC(2026, 0, 1))) as number[][])[1][1]).toBe(0);
    const s = improvementSummary(
      col(['done', 'done'], 'status'),
      col(['', ''], 'due'),
      col(['2026-01-05', '2026-01-10'], 'closed'),
      col(['2026-01-01', '2026-01-01'], 'opened'),
      CTX.dates,
      day('2026-02-01'),
    );
    expect(s).toEqual({ open: 0, overdue: 0, done: 2, medianDaysToClose: 6.5 });
  });
  test('a done action closed before it was opened is a typing slip: the error names the cell', () => {
    expect(
      errorOf(() =>
        run(
          'IMPROVEMENT_SUMMARY',
          [['Status'], ['done'], ['done']],
          [['Due'], [''], ['']],
          [['Closed'], ['2026-01-05'], ['2025-12-20']],
          [['Opened'], ['2026-01-01'], ['2026-01-02']],
        ),
      ).message,
    ).toBe('IMPROVEMENT_SUMMARY: row 3 of closed holds "2025-12-20"; a closed date on or after the opened date');
  });
  test('without opened dates the median is blank', () => {
    expect(run('IMPROVEMENT_SUMMARY', status, due, closed)).toEqual([
      ['Open', 'Overdue', 'Done', 'Median days to close'],
      [3, 1, 3, ''],
    ]);
  });
  test('status words', () => {
    expect(
      ['Open', 'new', 'to do', 'in-progress', 'On hold', 'Completed', 'resolved', "won't do", 'Cancelled', 'waiting'].map(readStatus),
    ).toEqual(['open', 'open', 'open', 'in progress', 'in progress', 'done', 'done', 'dropped', 'dropped', undefined]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('IMPROVEMENT_SUMMARY', [['open'], ['waiting']], [['2026-05-14'], ['']], [[''], ['']])).message).toBe(
      'IMPROVEMENT_SUMMARY: row 2 of status holds "waiting"; a status is open, in progress, done or dropped',
    );
    expect(errorOf(() => run('IMPROVEMENT_SUMMARY', [['open'], ['open']], [['2026-05-14']], [[''], ['']])).message).toMatch(
      /^IMPROVEMENT_SUMMARY: status has 2 cells but due has 1/,
    );
    expect(errorOf(() => run('IMPROVEMENT_SUMMARY', [['open'], ['open']], [['2026-05-14'], ['soon']], [[''], ['']])).message).toBe(
      'IMPROVEMENT_SUMMARY: row 2 of due holds "soon"; expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026',
    );
    expect(
      errorOf(() => run('IMPROVEMENT_SUMMARY', [['open']], [['2026-05-14']], [['']], '', [['2026-05-01'], ['2026-05-02']])).message,
    ).toBe('IMPROVEMENT_SUMMARY: as_of must be a single value, not a range');
    expect(errorOf(() => run('IMPROVEMENT_SUMMARY', [['']], [['']], [['']])).message).toMatch(
      /^IMPROVEMENT_SUMMARY: no statuses found in status/,
    );
  });

  // BUG (src/functions/defs/improvementSummary.ts): as_of is read with readDayColumn, whose header-row
  // tolerance turns any unreadable text in its single cell into NaN; `due < NaN` is false, so nothing
  // is ever overdue and no error is shown. Counterexample:
  // IMPROVEMENT_SUMMARY({"open"}, {"2026-01-01"}, {""}, "", "next friday") → Overdue 0 (a blank as_of
  // gives 1). Remove `.failing` once fixed.
  test('an unreadable as_of is an error, not "nothing is overdue"', () => {
    expect(() => run('IMPROVEMENT_SUMMARY', [['open']], [['2026-01-01']], [['']], '', 'next friday')).toThrow(
      /^IMPROVEMENT_SUMMARY: .*as_of|next friday/,
    );
  });
});

describe('OKR_SCORE: clamp((current − start)/(target − start), 0, 1)', () => {
  test('a target above the start', () => {
    expect(okrScore(0, 70, 100)).toBe(0.7);
    expect(okrScore(0, 120, 100)).toBe(1);
    expect(okrScore(0, -5, 100)).toBe(0);
  });
  test('a target below the start (a cost to cut)', () => {
    expect(okrScore(100, 80, 50)).toBe(0.4);
    expect(okrScore(100, 40, 50)).toBe(1);
    expect(okrScore(100, 120, 50)).toBe(0);
  });
  test('target = start: 1 once current has reached it', () => {
    expect(okrScore(50, 50, 50)).toBe(1);
    // Whether 40 or 60 has "reached" 50 depends on a direction DOMAIN.md does not give; not pinned.
  });
  test('an objective is the (weighted) average of its key results', () => {
    expect(objectiveScore([0.7, 0.4, 1])).toBeCloseTo(0.7, 15);
    expect(objectiveScore([1, 0], [3, 1])).toBe(0.75);
    expect(() => objectiveScore([])).toThrow(InputError);
    expect(() => objectiveScore([1], [0])).toThrow('key-result weights must add up to more than 0');
  });
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
    expect(errorOf(() => run('OKR_SCORE', 0, 5)).message).toBe('OKR_SCORE: target is missing; select the cells that hold it');
  });

  // Empty and ragged ranges: pinned with test.failing in tests/functions/properties.test.ts (known bugs).
});
