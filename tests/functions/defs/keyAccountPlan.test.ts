import { PLAN_HEADERS } from '../../../src/functions/defs/keyAccountPlan';
import { errorOf, run } from '../helpers';

const rows = (cells: unknown[]) => cells.map((c) => [c]);

// Three customers over 2026: Acme 600 a month, Bolt 300, Cog 100 (a sale on each month's 10th, and 31 December).
const customers: string[] = [];
const amounts: number[] = [];
const dates: string[] = [];
for (let m = 1; m <= 12; m++)
  for (const [c, a] of [
    ['Acme', 600],
    ['Bolt', 300],
    ['Cog', 100],
  ] as const) {
    customers.push(c);
    amounts.push(a);
    dates.push(`2026-${String(m).padStart(2, '0')}-10`);
  }
customers.push('Cog');
amounts.push(0);
dates.push('2026-12-31');

describe('KEY_ACCOUNT_PLAN', () => {
  const answers = {
    who: ['Bolt', 'Acme'],
    when: ['2026-11-01', '2026-12-01'],
    score: [3, 9],
    cmp: ['Worse', 'Better'],
    note: ['Slow', ''],
  };
  const args = (listed?: unknown[]) => [
    rows(customers),
    rows(amounts),
    rows(dates),
    'month',
    '',
    '',
    '',
    '',
    '',
    rows(['Acme', 'Bolt', 'Bolt', 'Cog']),
    '',
    rows(answers.who),
    rows(answers.when),
    rows(answers.score),
    rows(answers.cmp),
    rows(answers.note),
    ...(listed ? ['', '', '', '', '', rows(listed)] : []),
  ];

  test('one row per account from the largest, with its tier, shares, attention, risk and last answer', () => {
    const out = run('KEY_ACCOUNT_PLAN', ...args()) as (string | number | boolean)[][];
    expect(out[0]).toEqual(['Customer', ...PLAN_HEADERS]);
    expect(out.map((r) => r[0])).toEqual(['Customer', 'Acme', 'Bolt', 'Cog']);
    const bolt = out[2];
    expect(bolt.slice(0, 4)).toEqual(['Bolt', 2, 'A', 3600]);
    expect(bolt[4]).toBeCloseTo(0.3, 12);
    expect(bolt.slice(5, 7)).toEqual([2, 0.5]);
    expect(bolt[9]).toBe(true);
    expect(bolt[10]).toBe('latest referral score 3 of 10 (2026-11-01); said worse than others (2026-11-01)');
    expect(bolt.slice(12)).toEqual(['2026-11-01: 3 of 10, worse than others', '2026-11-01: Slow']);
    expect(out[1][12]).toBe('2026-12-01: 9 of 10, better than others');
  });

  test('answers read by their own options: a partial response is no answer; attention from the answers they keep', () => {
    const partial = [
      ...args().slice(0, 9),
      '',
      '',
      ...[
        rows(['Customer', 'Bolt', 'Bolt', 'Acme']),
        rows(['Date', '2026-11-01', '2026-12-01', '2026-12-01']),
        rows(['Score', 9, 2, 9]),
        rows(['Compared', 'Better', 'Worse', 'Better']),
        rows(['Note', '', 'Never sent', '']),
      ],
    ];
    const status = rows(['Response Type', 'completed', 'partial', 'completed']);
    const out = run('KEY_ACCOUNT_PLAN', ...partial, 'row=1; leave1=partial', status, '', '', 'answers') as (string | number | boolean)[][];
    const bolt = out[2];
    expect(bolt[0]).toBe('Bolt');
    expect([bolt[5], bolt[9], bolt[12], bolt[13]]).toEqual([1, false, '2026-11-01: 9 of 10, better than others', '']);
    // Without the rule the partial answer is Bolt's latest: at risk.
    const all = run('KEY_ACCOUNT_PLAN', ...partial, 'row=1', status, '', '', 'answers') as (string | number | boolean)[][];
    expect([all[2][5], all[2][9]]).toEqual([2, true]);
    expect(errorOf(() => run('KEY_ACCOUNT_PLAN', ...partial, 'leave1=partial')).message).toBe(
      'KEY_ACCOUNT_PLAN: argument answer_options reads filter1, which is not given; give the column it reads as answer_filter1',
    );
  });

  test('with listed: a row per listed customer in that order, no Customer column, and a last row naming the accounts not listed', () => {
    const out = run('KEY_ACCOUNT_PLAN', ...args(['Bolt', '', 'Gone Ltd', 'ACME'])) as (string | number | boolean)[][];
    expect(out[0]).toEqual([...PLAN_HEADERS]);
    expect(out.map((r) => r[0])).toEqual(['Rank', 2, '', '', 1, out[5][0]]);
    expect(out[3][9]).toBe('Not in the sales any more');
    expect(out[5][0]).toBe('1 account of the data is not listed here: Cog (tier B). Rebuild the plan to list it.');
    expect(out.every((r) => r.length === PLAN_HEADERS.length)).toBe(true);
  });

  test('an options rule that reads a filter not given is an argument error', () => {
    expect(errorOf(() => run('KEY_ACCOUNT_PLAN', rows(customers), rows(amounts), rows(dates), 'month', '', 'leave1=voided')).message).toBe(
      'KEY_ACCOUNT_PLAN: argument options reads filter1, which is not given; give the column it reads as filter1',
    );
  });
});
