import { accountPlan, ATTENTION_FLOOR, tierSummary } from '../../../src/core/accounts/plan';
import { calendarSpec } from '../../../src/core/time/periods';
import { type Cell } from '../../../src/core/values/cell';
import { col, DATES, errorOf } from '../helpers';

const month = calendarSpec('month');

/** Sales of four customers over 12 complete months of 2026 (the data ends on 31 December). */
function sales(extra: { c: string; a: Cell; d: string; o?: string }[] = []) {
  const rows: { c: string; a: Cell; d: string; o?: string }[] = [];
  for (let m = 1; m <= 12; m++) {
    const d = `2026-${String(m).padStart(2, '0')}-15`;
    rows.push({ c: 'Acme', a: 600, d }, { c: 'Bolt', a: m <= 9 ? 300 : 30, d }, { c: 'Cog', a: 80, d }, { c: 'Dent', a: 20, d });
  }
  rows.push({ c: 'Dent', a: 0, d: '2026-12-31' }, ...extra);
  return {
    customers: col(
      rows.map((r) => r.c),
      'customers',
      true,
    ),
    amounts: col(
      rows.map((r) => r.a),
      'amounts',
      true,
    ),
    dates: col(
      rows.map((r) => r.d),
      'dates',
      true,
    ),
    orderIds: extra.some((r) => r.o)
      ? col(
          rows.map((r) => r.o ?? ''),
          'order_ids',
          true,
        )
      : undefined,
  };
}

describe('the key-account plan', () => {
  test('tiers as KEY_ACCOUNTS; attention share against revenue share, flagged far less or far more', () => {
    // Revenue: Acme 7,200, Bolt 2,790, Cog 960, Dent 240 of 11,190: Bolt starts at 64% (A), Cog at 89% (B), Dent at 98% (C).
    const who = ['Acme', 'Bolt', 'Bolt', 'Bolt', 'Bolt', 'Bolt', 'Bolt', 'Bolt', 'Nobody', ''];
    const plan = accountPlan({ sales: sales(), attention: { customers: col(who, 'attention', true) }, spec: month, dates: DATES });
    const by = Object.fromEntries(plan.accounts.map((a) => [a.customer, a]));
    expect(plan.accounts.map((a) => [a.customer, a.tier, a.rank])).toEqual([
      ['Acme', 'A', 1],
      ['Bolt', 'A', 2],
      ['Cog', 'B', 3],
      ['Dent', 'C', 4],
    ]);
    expect(plan.attentionTotal).toBe(8);
    expect(plan.attentionUnmatched).toEqual({ rows: 1, names: ['nobody'] });
    expect(by.Acme.attentionShare).toBe(0.125);
    expect(by.Acme.ratio).toBeCloseTo(0.125 / (7200 / 11190), 12);
    expect(by.Acme.attentionFlag).toBe('starved');
    expect(by.Bolt.attentionFlag).toBe('over-served');
    expect(by.Cog.attentionShare).toBe(0);
    expect(by.Cog.attentionFlag).toBe('starved');
    // Dent gets nothing either, but far less is only said of tiers A and B.
    expect(by.Dent.attentionFlag).toBeNull();
    expect(tierSummary(plan).map((t) => [t.tier, t.accounts, t.attentionShare])).toEqual([
      ['A', 2, 1],
      ['B', 1, 0],
      ['C', 1, 0],
    ]);
  });

  test('a gap under the floor is not flagged, however large the ratio', () => {
    // Dent: 240 of 11,190 (2.1%); 1 of 40 rows of attention is 2.5%, 1.2× its share; 3 of 40 is 7.5%.
    const rows = (dent: number) => [...Array(40 - dent).fill('Acme'), ...Array(dent).fill('Dent')];
    const at = (dent: number) =>
      accountPlan({ sales: sales(), attention: { customers: col(rows(dent), 'a', true) }, spec: month, dates: DATES }).accounts.find(
        (a) => a.customer === 'Dent',
      )!;
    expect(at(1).attentionFlag).toBeNull();
    expect(at(2).attentionShare! - at(2).share!).toBeGreaterThan(ATTENTION_FLOOR);
    expect(at(2).attentionFlag).toBe('over-served');
  });

  test('hours: the amount of each row; an unreadable one names its cell', () => {
    const plan = accountPlan({
      sales: sales(),
      attention: { customers: col(['Customer', 'Acme', 'Bolt'], 'who', true), amounts: col(['Hours', 3, '1.5'], 'hours', true) },
      spec: month,
      dates: DATES,
    });
    expect(plan.attentionTotal).toBe(4.5);
    expect(
      errorOf(() =>
        accountPlan({
          sales: sales(),
          attention: { customers: col(['Acme', 'Bolt'], 'who', true), amounts: col([3, 'lots'], 'hours', true) },
          spec: month,
          dates: DATES,
        }),
      ).message,
    ).toBe('row 2 of hours holds "lots"; expected a number of hours or visits, such as 2 or 1.5');
  });

  test('at risk (tiers A and B): the latest answer by date is a detractor or says worse; revenue falling; with why', () => {
    const plan = accountPlan({
      sales: sales(),
      answers: {
        customers: col(['Customer', 'Acme', 'Acme', 'Bolt', 'Dent', 'Acme'], 'who', true),
        // Rows are not in date order: the latest is by date.
        dates: col(['Date', '2026-11-02', '2026-12-01', '2026-10-01', '2026-12-02', '2026-06-30'], 'when', true),
        scores: col(['Score', 4, 9, 8, 2, 3], 'scores', true),
        comparisons: col(['Compared', 'Worse', '', 'About the same', 'Worse', 'Better'], 'cmp', true),
        comments: col(['Comment', 'Late again', '', 'Fine', 'Awful', 'Old news'], 'comments', true),
      },
      spec: month,
      dates: DATES,
    });
    const by = Object.fromEntries(plan.accounts.map((a) => [a.customer, a]));
    // Acme's latest score is 9 (1 December) but its latest comparison (2 November) says worse.
    expect(by.Acme.reasons).toEqual(['said worse than others (2026-11-02)']);
    expect(by.Acme.lastAnswer).toBe('2026-12-01: 9 of 10');
    expect(by.Acme.comment).toBe('2026-11-02: Late again');
    // Bolt fell from 300 to 30 a month in October: steady before, so beyond routine variation.
    expect(plan.trendPeriods).toEqual({ last: '2026-10 to 2026-12', before: '2026-07 to 2026-09' });
    expect(by.Bolt.trend).toMatchObject({ last: 30, before: 300, judged: true, falling: true });
    expect(by.Bolt.reasons).toEqual(['revenue falling: 30 a month over the last 3 months against 300 the 3 before']);
    expect(by.Bolt.atRisk).toBe(true);
    // Dent is a detractor who said worse, but tier C: not a key account at risk.
    expect(by.Dent.atRisk).toBe(false);
    expect(by.Dent.lastAnswer).toBe('2026-12-02: 2 of 10, worse than others');
  });

  test('answers the survey’s rules leave out (a partial response) are no answer and no attention', () => {
    const answers = {
      customers: col(['Customer', 'Acme', 'Acme', 'Bolt'], 'who', true),
      dates: col(['Date', '2026-11-02', '2026-12-01', '2026-10-01'], 'when', true),
      scores: col(['Score', 9, 2, 8], 'scores', true),
      comments: col(['Comment', 'Fine', 'Never finished', 'Good'], 'comments', true),
    };
    const status = col(['Response Type', 'completed', 'partial', 'completed'], 'Response Type', true);
    const plan = (rules: boolean) =>
      Object.fromEntries(
        accountPlan({
          sales: sales(),
          answers: rules ? { ...answers, rules: { leaveOut: [{ filter: 0, values: ['partial'] }] }, filters: [status] } : answers,
          attention: 'answers',
          spec: month,
          dates: DATES,
        }).accounts.map((a) => [a.customer, a]),
      );
    // Without the rule the partial 2 of 10 is Acme's latest answer: at risk, two contacts.
    expect(plan(false).Acme).toMatchObject({ atRisk: true, attention: 2, lastAnswer: '2026-12-01: 2 of 10' });
    expect(plan(true).Acme).toMatchObject({ atRisk: false, attention: 1, lastAnswer: '2026-11-02: 9 of 10', comment: '2026-11-02: Fine' });
    expect(plan(true).Bolt.attention).toBe(1);
    expect(errorOf(() => accountPlan({ sales: sales(), attention: 'answers', spec: month, dates: DATES })).message).toMatch(
      /survey responses count as attention only with the answers/,
    );
  });

  test('the period of the latest sale counts only when the data reaches its last day', () => {
    const s = sales();
    const cut = (n: number) => ({
      customers: col(s.customers.cells.slice(0, n) as Cell[], 'c', true),
      amounts: col(s.amounts.cells.slice(0, n) as Cell[], 'a', true),
      dates: col(s.dates.cells.slice(0, n) as Cell[], 'd', true),
    });
    // Without the 31 December row the data ends on 15 December: December is partial and left out.
    const plan = accountPlan({ sales: cut(48), spec: month, dates: DATES });
    expect(plan.trendPeriods).toEqual({ last: '2026-09 to 2026-11', before: '2026-06 to 2026-08' });
  });

  test('revenue is counted as the scorecard counts it: an order once, left-out rows not at all', () => {
    const s = sales([
      { c: 'Cog', a: 5000, d: '2026-03-01', o: 'X1' },
      { c: 'Cog', a: 5000, d: '2026-03-01', o: 'X1' },
    ]);
    const once = accountPlan({ sales: { ...s, rules: { amounts: 'order' } }, spec: month, dates: DATES });
    expect(once.accounts.find((a) => a.customer === 'Cog')!.revenue).toBe(960 + 5000);
    const status = col([...Array(s.customers.cells.length - 2).fill('paid'), 'voided', 'voided'], 'status', true);
    const left = accountPlan({
      sales: { ...s, rules: { amounts: 'order', leaveOut: [{ filter: 0, values: ['voided'] }] }, filters: [status] },
      spec: month,
      dates: DATES,
    });
    expect(left.accounts.find((a) => a.customer === 'Cog')!.revenue).toBe(960);
  });

  test('a refund written as a row of its own is a return, not revenue, as on the scorecard; a plain negative row nets', () => {
    const s = sales([{ c: 'Cog', a: -300, d: '2026-06-01' }]);
    const netted = accountPlan({ sales: s, spec: month, dates: DATES });
    expect(netted.accounts.find((a) => a.customer === 'Cog')!.revenue).toBe(960 - 300);
    const returns = accountPlan({ sales: { ...s, rules: { negatives: 'returns' } }, spec: month, dates: DATES });
    expect(returns.accounts.find((a) => a.customer === 'Cog')!.revenue).toBe(960);
  });

  test('a sale without a customer is left out and counted; an unreadable amount names its cell', () => {
    const plan = accountPlan({ sales: sales([{ c: '', a: 99, d: '2026-05-05' }]), spec: month, dates: DATES });
    expect(plan.noCustomer).toEqual({ rows: 1, revenue: 99 });
    expect(
      errorOf(() => accountPlan({ sales: sales([{ c: 'Acme', a: 'many', d: '2026-05-05' }]), spec: month, dates: DATES })).message,
    ).toMatch(/holds "many"; expected an amount/);
  });
});
