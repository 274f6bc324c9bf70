import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessGoalColumns, measureNamed, type GoalRole } from '../../../src/core/goals/columns';
import { levelOf, readGoals } from '../../../src/core/goals/read';
import { goalsReport, type GoalsContext } from '../../../src/core/goals/report';
import { parseCsv } from '../../../src/core/tables/csv';
import { type Cell } from '../../../src/core/values/cell';
import { DATES, day } from '../helpers';

function table(grid: Cell[][]) {
  const headers = grid[0].map(String);
  const roles = guessGoalColumns(headers);
  const at: Partial<Record<GoalRole, number>> = {};
  const names: Partial<Record<GoalRole, string>> = {};
  roles.forEach((r, j) => {
    if (r) {
      at[r] = j;
      names[r] = headers[j];
    }
  });
  const rows = grid.slice(1);
  return readGoals(
    rows,
    rows.map((_, i) => i + 2),
    at,
    names,
    '"Goals"',
    DATES,
  );
}

const H = ['ID', 'Type', 'Goal', 'Owner', 'Parent', 'Start', 'Target', 'Current', 'Measure', 'Due', 'Weight', 'Updated'];

describe('reading a goals table', () => {
  test('the headers a manager writes are guessed, each role once', () => {
    expect(
      guessGoalColumns([
        'Key',
        'OKR type',
        'Objective / key result',
        'Who',
        'Contributes to',
        'Baseline',
        'Target',
        'Actual',
        'KPI',
        'Deadline',
        'Weight',
        'Last update',
      ]),
    ).toEqual(['id', 'kind', 'title', 'owner', 'parent', 'start', 'target', 'current', 'measure', 'due', 'weight', 'updated']);
    expect(guessGoalColumns(['Lead measure', 'Notes'])).toEqual(['measure', null]);
  });

  test('a scorecard measure may be named by its id, its label or a word a manager uses', () => {
    expect(measureNamed('nps')?.id).toBe('nps');
    expect(measureNamed('Referral score (NPS)')?.id).toBe('nps');
    expect(measureNamed(' on-time delivery ')?.id).toBe('on_time');
    expect(measureNamed('Returns')?.id).toBe('return_rate');
    expect(measureNamed('happiness')).toBeNull();
  });

  test('the example goals file: a company tree whose key results are tied to scorecard measures', () => {
    const r = table(parseCsv(readFileSync(join(__dirname, '../../../examples/data/goals.csv'), 'utf8')));
    expect(r.problems).toEqual([]);
    expect(r.goals).toHaveLength(20);
    const tied = r.goals.filter((g) => g.measure).map((g) => g.measure!.id);
    expect(tied).toEqual(expect.arrayContaining(['nps', 'on_time', 'revenue']));
    const levels = r.tree!.order.map((i) => levelOf(r.goals, r.tree!, i));
    expect(new Set(levels)).toEqual(
      new Set(['Company objective', 'Function objective', 'Team objective', 'Person objective', 'Key result']),
    );
    const kr4 = r.goals.find((g) => g.id === 'KR4')!;
    expect([kr4.start, kr4.target, kr4.current, kr4.due]).toEqual([0.9, 0.99, null, day('2026-12-31')]);
  });

  test('every unreadable cell and broken rule is a problem naming its sheet row; blocking ones stop a build', () => {
    const r = table([
      H,
      ['O1', 'Objective', 'Grow', 'Ann', '', '', '', '', '', '', '', ''],
      ['KR1', 'Key result', 'Sell more', 'Ann', 'O1', 'ten', 20, '', '', '', '', ''],
      ['KR2', 'Key result', 'Happier', 'Ann', 'O1', 0, 50, '', 'happiness', '', '', ''],
      ['KR3', 'KR', 'Faster', 'Ann', 'KR1', 0, 5, 1, '', 'soon', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['KR4', 'Task', 'Odd', 'Ann', 'O1', 0, 5, 1, '', '', -2, ''],
      ['O2', 'Objective', 'Has a target', 'Ann', 'O1', '', 9, '', '', '', '', ''],
      ['KR5', 'Key result', 'Live and typed', 'Ann', 'O1', 0, 50, 12, 'nps', '', '', ''],
    ]);
    expect(r.problems.map((p) => [p.row, p.blocking, p.message])).toEqual([
      [3, true, '"Goals" row 3, column "Start" holds "ten"; expected a number such as 35, 0.85 or 85%'],
      [
        4,
        true,
        '"Goals" row 4, column "Measure" holds "happiness"; expected a scorecard measure: nps, csat, net_comparison, on_time, return_rate, review_response, revenue, margin, margin_pct, orders, average_order_value (or its label, e.g. "Referral score (NPS)")',
      ],
      [5, true, '"Goals" row 5, column "Due" holds "soon"; expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026'],
      [
        5,
        true,
        'the key result KR3 ("Goals" row 5) names the key result KR1 as its parent; a key result measures an objective (an objective may contribute to a key result)',
      ],
      [7, true, '"Goals" row 7, column "Type" holds "Task"; expected Objective or Key result (O or KR)'],
      [7, true, '"Goals" row 7, column "Weight" holds -2; a weight is a number of 0 or more (blank counts as 1)'],
      [
        8,
        false,
        'O2 ("Goals" row 8) is an objective: it is scored from its key results, so its start, target, current and measure are not used',
      ],
      [
        9,
        false,
        'the key result KR5 ("Goals" row 9) is tied to Referral score (NPS): its current value comes from the scorecard, not from the value typed',
      ],
    ]);
  });

  test('without a Type column, a row with a target is a key result; a key result needs its objective, a start and a target', () => {
    const r = table([
      ['ID', 'Goal', 'Parent', 'Target', 'Start'],
      ['O1', 'Grow', '', '', ''],
      ['KR1', 'Sell', '', 10, 0],
      ['KR2', 'Sell more', 'O1', 10, ''],
    ]);
    expect(r.goals.map((g) => g.kind)).toEqual(['objective', 'key_result', 'key_result']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'the key result KR1 ("Goals" row 3) names no objective; give the ID of the objective it measures as its parent',
      'the key result KR2 ("Goals" row 4) needs a start and a target',
    ]);
  });
});

describe('the goals report: scores, chains and flags as the sheet shows them', () => {
  const grid: Cell[][] = [
    H,
    ['O1', 'O', 'Grow revenue 15%', 'Ann', '', '', '', '', '', '', '', ''],
    ['KR1', 'KR', 'Referral score from 20 to 35', 'Ann', 'O1', 20, 35, '', 'nps', '', 2, ''],
    ['KR2', 'KR', 'Meetings from 0 to 10', 'Bob', 'O1', 0, 10, 4, '', '2026-06-30', '', '2026-05-01'],
    ['O2', 'O', 'Sell more', 'Bob', 'KR2', '', '', '', '', '', '', ''],
    ['KR3', 'KR', 'Revenue from 100 to 200', 'Bob', 'O2', 100, 200, '', 'revenue', '', '', ''],
    ['KR4', 'KR', 'Calls from 0 to 5', 'Bob', 'O2', 0, 5, '', '', '', '', ''],
  ];
  const r = table(grid);
  const ctx = (over: Partial<GoalsContext> = {}): GoalsContext => ({
    live: (m) => (m.id === 'nps' ? 29 : undefined),
    checkins: [],
    asOf: day('2026-06-01'),
    staleDays: 21,
    since: day('2026-05-20'),
    ...over,
  });
  const lines = (c: GoalsContext) => Object.fromEntries(goalsReport(r.goals, r.tree!, c).map((l) => [l.goal.id, l]));

  test('a key result tied to a measure takes its latest value; scores roll up, weighted', () => {
    const l = lines(ctx());
    expect(l.KR1.current).toBe(29);
    expect(l.KR1.score).toBeCloseTo(0.6, 15);
    expect(l.KR2.score).toBe(0.4);
    // O1 = (2 × 0.6 + 0.4) / 3; O2 has no score yet (neither key result has a current value).
    expect(l.O1.score).toBeCloseTo((2 * 0.6 + 0.4) / 3, 15);
    expect(l.O2.score).toBeNull();
    expect(l.KR3.chain).toBe('Revenue from 100 to 200 → Sell more → Meetings from 0 to 10 → Grow revenue 15%');
  });

  test('flags: no value, not on the scorecard, no update for 3 weeks, not ambitious, past due, no lead measure', () => {
    const l = lines(ctx());
    expect(l.KR3.flags).toEqual(['Not on the scorecard: add Revenue to it']);
    // KR4 was never updated: counted from the day the sheet was built (20 May), 12 days ago.
    expect(l.KR4.flags).toEqual(['No current value yet']);
    expect(l.KR2.flags).toEqual(['No update for 3 weeks']);
    expect(l.O2.flags).toEqual(['No key result tied to a lead measure']);
    expect(l.O1.flags).toEqual([]);
    const later = lines(ctx({ asOf: day('2026-07-02') }));
    expect(later.KR2.flags).toEqual(['No update for 3 weeks', 'Past due']);
    expect(later.KR4.flags).toEqual(['No current value yet', 'No update for 3 weeks']);
    // A check-in is an update; 1.0 at 3 check-ins is not ambitious (at 2, not yet).
    const at = (d: string, score: number | null) => ({ id: 'kr1', day: day(d), score });
    expect(lines(ctx({ checkins: [at('2026-05-11', 1), at('2026-05-18', 1)] })).KR1.flags).toEqual([]);
    expect(
      lines(ctx({ checkins: [at('2026-05-11', 1), at('2026-05-18', null), at('2026-05-25', 1), at('2026-05-28', 1)] })).KR1.flags,
    ).toEqual(['1.0 at every check-in: not ambitious']);
    expect(lines(ctx({ checkins: [at('2026-05-11', 1), at('2026-05-18', 0.9), at('2026-05-25', 1)] })).KR1.flags).toEqual([]);
    expect(lines(ctx({ checkins: [{ id: 'KR2', day: day('2026-05-30'), score: 0.4 }] })).KR2.flags).toEqual([]);
  });
});
