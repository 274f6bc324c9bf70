import fc from 'fast-check';
import { discountCells } from '../../../../src/core/measures/targetHealth/discounting';
import { ALL_SALES } from '../../../../src/core/measures/targetHealth/groups';
import { everyDay, frameOf, salesOf, type Sale } from './helpers';

const day = (d: number): string => `2026-09-${String(d).padStart(2, '0')}`;

/** n sales in the push window (24–30 September) and m in the rest, each of list value 100, with money off. */
function september(n: number, pushOff: number, m: number, restOff: number): Sale[] {
  const rows: Sale[] = [];
  for (let k = 0; k < m; k++) rows.push({ date: day(1 + (k % 23)), amount: 100 - restOff, discount: restOff });
  for (let k = 0; k < n; k++) rows.push({ date: day(24 + (k % 7)), amount: 100 - pushOff, discount: pushOff });
  return rows;
}

describe('discounting at the end: Σ money off / Σ list value in the push window against the rest', () => {
  test('worked by hand: 10% off in the last week, 5% before; 20 sales each side', () => {
    const s = salesOf(september(20, 10, 20, 5));
    const [c] = discountCells(s, frameOf(s, 'month'), ALL_SALES)!;
    expect(c.push).toEqual({ num: 200, den: 2000, count: 20, rate: 0.1 });
    expect(c.rest).toEqual({ num: 100, den: 2000, count: 20, rate: 0.05 });
    expect(c.points).toBeCloseTo(0.05, 15);
    // Pooled 300/4000; each side Σ(off − 0.075 · 100)² / 2000² = 20 · 2.5² / 4e6; z = 0.05 / sqrt(2 · that) = 2√10.
    expect(c.z).toBeCloseTo(2 * Math.sqrt(10), 12);
    expect(c.flagged).toBe(true);
  });

  test('weighted by value: one large deal at 20% off counts for its size', () => {
    const rows = september(20, 0, 40, 2);
    rows.push({ date: day(30), amount: 8000, discount: 2000 }); // list 10,000 at 20% off
    const s = salesOf(rows);
    const [c] = discountCells(s, frameOf(s, 'month'), ALL_SALES)!;
    expect(c.push.rate).toBeCloseTo(2000 / 12000, 15); // a mean of row rates would say 20%/21 ≈ 1%
    expect(c.points).toBeCloseTo(2000 / 12000 - 0.02, 15);
  });

  test('not flagged: under 2 points, 19 sales on a side, a partial period', () => {
    const under = salesOf(september(30, 6.9, 30, 5));
    const [u] = discountCells(under, frameOf(under, 'month'), ALL_SALES)!;
    expect(u.points).toBeCloseTo(0.019, 12);
    expect(u.flagged).toBe(false);
    const few = salesOf(september(19, 20, 40, 5));
    expect(discountCells(few, frameOf(few, 'month'), ALL_SALES)![0].flagged).toBe(false);
    const partial = salesOf(september(30, 20, 30, 5).filter((r) => r.date !== day(1)));
    expect(discountCells(partial, frameOf(partial, 'month'), ALL_SALES)![0].flagged).toBe(false);
  });

  test('property: the same discount rate on every sale flags nothing, whatever the sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 7, maxLength: 7 }),
        (pct, sizes) => {
          const s = salesOf(
            everyDay('2026-01-01', '2026-12-31').map((date, d) => {
              const list = sizes[d % 7];
              return { date, amount: (list * (100 - pct)) / 100, discount: (list * pct) / 100 };
            }),
            { discountIs: 'amount' },
          );
          for (const c of discountCells(s, frameOf(s, 'quarter'), ALL_SALES)!) {
            expect(c.points!).toBeCloseTo(0, 12);
            expect(c.flagged).toBe(false);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
