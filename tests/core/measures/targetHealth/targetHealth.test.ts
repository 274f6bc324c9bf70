import fc from 'fast-check';
import { targetHealth } from '../../../../src/core/measures/targetHealth/targetHealth';
import { readTargets } from '../../../../src/core/measures/targetHealth/targets';
import { calendarSpec } from '../../../../src/core/time/periods';
import { everyDay, salesOf, type Sale } from './helpers';

const Q = calendarSpec('quarter');

/** A year of sales, every day: for each rep, `perDay` sales of `amount`, the same share returned and the same discount. */
function evenYear(reps: string[], perDay: number, amount: number, back: number, off: number): Sale[] {
  return everyDay('2025-01-01', '2025-12-31').flatMap((date) =>
    reps.flatMap((rep) => Array.from({ length: perDay }, () => ({ date, amount, returned: back, sold: 10, discount: off, rep }))),
  );
}

describe('targetHealth: every measure per period, for the team and per rep', () => {
  test('rows: the team for every period, then each rep in name order where the rep sold or has a target', () => {
    const rows: Sale[] = [
      { date: '2026-01-01', amount: 10, rep: 'tom' },
      { date: '2026-05-01', amount: 10, rep: 'Ann' },
      { date: '2026-09-30', amount: 10, rep: '' },
    ];
    const targets = readTargets(
      [
        ['', '2026-Q1', '2026-Q3'],
        ['Zoe', 5, ''],
        ['Tom', '', 7],
      ],
      Q,
    );
    const h = targetHealth(salesOf(rows), Q, 7, targets);
    expect(h.rows.map((r) => `${r.label} ${r.rep ?? 'All'}`)).toEqual([
      '2026-Q1 All',
      '2026-Q2 All',
      '2026-Q3 All',
      '2026-Q2 Ann',
      '2026-Q1 tom',
      '2026-Q3 tom', // no sale, but a target
      '2026-Q1 Zoe', // in the targets only
    ]);
    const zoe = h.rows[6];
    expect(zoe.push.count).toBe(0);
    expect(zoe.coasting).toMatchObject({ target: 5, reached: null });
    expect(h.rows[5].coasting).toMatchObject({ target: 7, reached: null });
    expect(h.rows[0].coasting).toBeNull(); // no team target
  });

  test('a partial period shows its numbers, and is never flagged, nor given a finding', () => {
    // 1 March to 30 September: Q1 is partial, with every sale of it in its last days.
    const rows: Sale[] = [
      ...everyDay('2026-03-25', '2026-03-31').map((date) => ({ date, amount: 100 })),
      ...everyDay('2026-04-01', '2026-09-30').map((date) => ({ date, amount: 10 })),
    ];
    rows.push({ date: '2026-03-01', amount: 1 });
    const h = targetHealth(salesOf(rows), Q, 7);
    const q1 = h.rows[0];
    expect(q1.partial).toBe(true);
    expect(q1.push.ratio).toBeGreaterThan(10);
    expect(q1.flags).toEqual([]);
    expect(q1.finding).toBeNull();
    expect(h.rows.slice(1).every((r) => !r.partial)).toBe(true);
  });

  test('a pushed quarter: its flags and its sentence; the next quarter’s start is shown beside it', () => {
    const rows: Sale[] = [];
    for (const date of everyDay('2026-07-01', '2026-12-31')) {
      const late = date >= '2026-09-24' && date <= '2026-09-30';
      for (let k = 0; k < (late ? 12 : 4); k++)
        rows.push({ date, amount: 100, returned: late ? 2 : 0.1, sold: 10, discount: late ? 15 : 5 });
    }
    const h = targetHealth(salesOf(rows), Q, 7);
    const q3 = h.rows[0];
    expect(q3.flags).toEqual(['push', 'returns', 'discounting']);
    expect(q3.pullForward!.next).toBe('2026-Q4');
    expect(q3.pullForward!.ratio).toBeCloseTo(1, 12);
    expect(q3.finding).toBe(
      "2026-Q3: 20% of the quarter's sales came in its last 7 days, 2.6× the even share; 20% of what was sold then came back, " +
        'against 1% of the rest; those sales were 13% off list, against 4.8% for the rest of the quarter.',
    );
    expect(h.findings).toEqual([{ label: '2026-Q3', rep: null, sentence: q3.finding }]);
    expect(h.rows[1].pullForward).toBeNull(); // nothing after 2026-Q4
  });

  test('a ratchet: its rows flagged (the partial one not), its sentence on its last whole period', () => {
    const rows: Sale[] = everyDay('2025-01-01', '2026-02-15').map((date) => ({ date, amount: 100 }));
    const targets = readTargets(
      [
        ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'],
        [9000, 9900, 10890, 11979, 13177],
      ],
      Q,
    );
    const h = targetHealth(salesOf(rows), Q, 7, targets);
    expect(h.rows.map((r) => r.flags)).toEqual([[], ['ratchet'], ['ratchet'], ['ratchet'], []]);
    expect(h.rows[4].partial).toBe(true);
    expect(h.rows[3].finding).toBe(
      '2025-Q4: targets rose by 10.0% every quarter for 4 quarters in a row (2025-Q2 to 2026-Q1), also after 3 quarters that missed: ' +
        'a ratchet that ignores how the quarter went.',
    );
    expect(h.ratchets).toHaveLength(1);
    expect(h.ratchets[0]).toMatchObject({ rep: null, fromLabel: '2025-Q2', toLabel: '2026-Q1', afterMisses: 3, afterHits: 1 });
  });

  test('property: sales spread evenly, with the same returns and discounts and flat targets, flag nothing of any kind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        (perDay, amount, back, pct, targetShare) => {
          const reps = ['Ann', 'Bob'];
          const rows = evenYear(reps, perDay, amount, back, (amount * pct) / 100);
          const quarter = (amount * perDay * 91) / 1;
          const labels = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
          const targets = readTargets(
            [
              ['', ...labels],
              ['All', ...labels.map(() => 2 * quarter * targetShare)],
              ['Ann', ...labels.map(() => quarter * targetShare)],
            ],
            Q,
          );
          const h = targetHealth(salesOf(rows, { discountIs: 'amount' }), Q, 7, targets);
          for (const r of h.rows) {
            expect(r.flags).toEqual([]);
            expect(r.finding).toBeNull();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
