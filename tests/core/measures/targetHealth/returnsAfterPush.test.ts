import fc from 'fast-check';
import { returnsCells } from '../../../../src/core/measures/targetHealth/returnsAfterPush';
import { ALL_SALES, type Groups } from '../../../../src/core/measures/targetHealth/groups';
import { everyDay, frameOf, salesOf, type Sale } from './helpers';

const day = (d: number): string => `2026-09-${String(d).padStart(2, '0')}`;

/** n sales in the push window (24–30 September) and m in the rest of it, with what came back of each. */
function september(n: number, pushBack: number, m: number, restBack: number, sold = 10): Sale[] {
  const rows: Sale[] = [];
  for (let k = 0; k < m; k++) rows.push({ date: day(1 + (k % 23)), amount: 100, returned: restBack, sold });
  for (let k = 0; k < n; k++) rows.push({ date: day(24 + (k % 7)), amount: 100, returned: pushBack, sold });
  return rows;
}

describe('returns after the push: the push window’s return rate against the rest of the period’s', () => {
  test('worked by hand: 10% came back of the last week’s sales, 5% of the rest; 20 sales each side', () => {
    const s = salesOf(september(20, 1, 20, 0.5));
    const [c] = returnsCells(s, frameOf(s, 'month'), ALL_SALES)!;
    expect(c.push).toEqual({ num: 20, den: 200, count: 20, rate: 0.1 });
    expect(c.rest).toEqual({ num: 10, den: 200, count: 20, rate: 0.05 });
    expect(c.ratio).toBe(2);
    // Pooled rate 30/400; each side's spread Σ(r − 0.075·10)² / 200² = 20 · 0.25² / 40000; z = 0.05 / sqrt(2 · that) = 2√10.
    expect(c.z).toBeCloseTo(2 * Math.sqrt(10), 12);
    expect(c.flagged).toBe(true);
  });

  test('not flagged: under 1.5×, 19 sales on a side, a partial period', () => {
    const under = salesOf(september(20, 0.74, 20, 0.5)); // 1.48×
    expect(returnsCells(under, frameOf(under, 'month'), ALL_SALES)![0].flagged).toBe(false);
    const few = salesOf(september(19, 1, 40, 0.5));
    expect(returnsCells(few, frameOf(few, 'month'), ALL_SALES)![0].flagged).toBe(false);
    const partial = salesOf(september(20, 1, 20, 0.5).filter((r) => r.date !== day(1)));
    const [p] = returnsCells(partial, frameOf(partial, 'month'), ALL_SALES)!;
    expect(p.ratio).toBe(2);
    expect(p.flagged).toBe(false);
  });

  test('nothing came back of the rest: no ratio, and flagged when the push window’s returns are beyond chance', () => {
    const s = salesOf(september(30, 2, 30, 0));
    const [c] = returnsCells(s, frameOf(s, 'month'), ALL_SALES)!;
    expect(c.ratio).toBeNull();
    expect(c.flagged).toBe(true);
  });

  test('a few returns of rare events are not a finding: 1.8× from three returns in 150 sales', () => {
    // As in the example data's 2025-Q2: returns are rare, so a handful more in one week is chance.
    const rows: Sale[] = [];
    for (let k = 0; k < 1800; k++) rows.push({ date: iso(k % 84), amount: 100, returned: k % 100 === 0 ? 10 : 0, sold: 20 });
    for (let k = 0; k < 150; k++) rows.push({ date: `2026-06-${24 + (k % 7)}`, amount: 100, returned: k % 50 === 0 ? 9 : 0, sold: 20 });
    const s = salesOf(rows);
    const [c] = returnsCells(s, frameOf(s, 'quarter'), ALL_SALES)!;
    expect(c.push.rate).toBeCloseTo(0.009, 15);
    expect(c.rest.rate).toBeCloseTo(0.005, 15);
    expect(c.ratio).toBeGreaterThan(1.5); // above DOMAIN's 1.5× …
    expect(c.z!).toBeLessThan(3.09); // … but not beyond chance
    expect(c.flagged).toBe(false);
  });

  test('without a returned column there is nothing to show', () => {
    const s = salesOf([{ date: '2026-09-01', amount: 1 }]);
    expect(returnsCells(s, frameOf(s, 'month'), ALL_SALES)).toBeNull();
  });

  test('per rep, each side counted separately', () => {
    const rows = [
      ...september(20, 1, 20, 0.5).map((r) => ({ ...r, rep: 'Ann' })),
      ...september(5, 1, 5, 0).map((r) => ({ ...r, rep: 'Bob' })),
    ];
    const s = salesOf(rows);
    const g: Groups = { count: 3, of: Int32Array.from(s.rep!, (r) => r + 1) };
    const [team, ann, bob] = returnsCells(s, frameOf(s, 'month'), g)!;
    expect(team.push.count).toBe(25);
    expect(ann.flagged).toBe(true);
    expect(bob.push.count).toBe(5);
    expect(bob.flagged).toBe(false);
  });

  test('property: the same return rate on every sale flags nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (sold, back) => {
        const s = salesOf(
          everyDay('2026-01-01', '2026-12-31').map((date) => ({ date, amount: 100, returned: Math.min(back, sold), sold })),
        );
        for (const c of returnsCells(s, frameOf(s, 'quarter'), ALL_SALES)!) expect(c.flagged).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});

function iso(k: number): string {
  const d = new Date(Date.UTC(2026, 3, 1 + k));
  return d.toISOString().slice(0, 10);
}
