import fc from 'fast-check';
import { pushCells, shareZ } from '../../../../src/core/measures/targetHealth/push';
import { ALL_SALES, type Groups } from '../../../../src/core/measures/targetHealth/groups';
import type { HealthSales } from '../../../../src/core/measures/targetHealth/read';
import { everyDay, frameOf, salesOf, type Sale } from './helpers';

/** The rep column as groups: rep r is group r + 1. */
const byRep = (s: HealthSales): Groups => ({ count: s.reps.length + 1, of: Int32Array.from(s.rep!, (r) => (r < 0 ? -1 : r + 1)) });

describe('push: the share of a period’s sales in its last days against the even share', () => {
  test('worked by hand: September, last 3 days, 20 of 100 sold on the 28th', () => {
    const s = salesOf([
      { date: '2026-09-01', amount: 40 },
      { date: '2026-09-10', amount: 40 },
      { date: '2026-09-28', amount: 20 },
      { date: '2026-09-30', amount: 0 },
    ]);
    const [c] = pushCells(s, frameOf(s, 'month', 3), ALL_SALES);
    expect(c.sales).toBe(100);
    expect(c.count).toBe(4);
    expect(c.late).toBe(20);
    expect(c.lateCount).toBe(2);
    expect(c.early).toBe(40); // 1–3 September
    expect(c.share).toBe(0.2);
    expect(c.expected).toBeCloseTo(0.1, 15);
    expect(c.ratio).toBeCloseTo(2, 14);
    // se = sqrt(0.1 · 0.9 · (40² + 40² + 20²) / 100²) = 0.18; z = (0.2 − 0.1) / 0.18
    expect(c.z).toBeCloseTo(0.1 / 0.18, 12);
    expect(c.flagged).toBe(true); // the team's push is DOMAIN's rule alone: 1.5× or more
  });

  test('1.5 exactly is flagged; a partial period never is', () => {
    // September (30 days), last 7: 35 of 100 is exactly 1.5 × 7/30.
    const s = salesOf([
      { date: '2026-09-01', amount: 65 },
      { date: '2026-09-30', amount: 35 },
    ]);
    expect(pushCells(s, frameOf(s, 'month', 7), ALL_SALES)[0].flagged).toBe(true);
    const partial = salesOf([
      { date: '2026-09-02', amount: 1 },
      { date: '2026-09-30', amount: 99 },
    ]);
    const [c] = pushCells(partial, frameOf(partial, 'month', 7), ALL_SALES);
    expect(c.ratio).toBeGreaterThan(4);
    expect(c.flagged).toBe(false);
  });

  test('a period that sold nothing, or less than nothing, has no share', () => {
    const s = salesOf([
      { date: '2026-07-01', amount: 50 },
      { date: '2026-08-15', amount: -80 },
      { date: '2026-10-01', amount: 10 },
      { date: '2026-12-31', amount: 10 },
    ]);
    const cells = pushCells(s, frameOf(s, 'quarter', 7), ALL_SALES);
    expect(cells.map((c) => c.share)).toEqual([null, 0.5]);
    expect(cells[0].z).toBeNull();
    expect(cells[0].flagged).toBe(false);
  });

  test('a rep is flagged only with 20 sales or more, and a share above the even one by more than chance', () => {
    const rows: Sale[] = [];
    // Ann: 20 sales of 10 over 1–20 September and 10 sales of 10 in its last 3 days: 1/3 against 0.1.
    for (let d = 1; d <= 20; d++) rows.push({ date: `2026-09-${String(d).padStart(2, '0')}`, amount: 10, rep: 'Ann' });
    for (let k = 0; k < 10; k++) rows.push({ date: `2026-09-${28 + (k % 3)}`, amount: 10, rep: 'Ann' });
    // Bob: 12 sales, all in the last 3 days, and one on the 1st.
    rows.push({ date: '2026-09-01', amount: 10, rep: 'Bob' });
    for (let k = 0; k < 11; k++) rows.push({ date: '2026-09-29', amount: 10, rep: 'Bob' });
    const s = salesOf(rows);
    const f = frameOf(s, 'month', 3);
    const [team, ann, bob] = pushCells(s, f, byRep(s));
    expect(ann.share).toBeCloseTo(1 / 3, 15);
    // se = sqrt(0.1 · 0.9 · 30 · 10² / 300²) = sqrt(0.003)
    expect(ann.z).toBeCloseTo((1 / 3 - 0.1) / Math.sqrt(0.003), 12);
    expect(ann.countZ).toBeCloseTo((1 / 3 - 0.1) / Math.sqrt(0.09 / 30), 12); // equal sales: the same
    expect(ann.flagged).toBe(true);
    expect(bob.ratio).toBeGreaterThan(9);
    expect(bob.flagged).toBe(false); // 12 sales
    expect(team.count).toBe(42);
    expect(team.flagged).toBe(true);
  });

  test('a rep’s push is many sales landing late, not a few large deals', () => {
    const rows: Sale[] = [];
    for (let d = 1; d <= 30; d++) rows.push({ date: `2026-09-${String(d).padStart(2, '0')}`, amount: 10, rep: 'Ann' });
    for (const d of [28, 29, 30]) rows.push({ date: `2026-09-${d}`, amount: 100, rep: 'Ann' }); // half her month in three deals
    const s = salesOf(rows);
    const [, ann] = pushCells(s, frameOf(s, 'month', 3), byRep(s));
    expect(ann.share).toBeCloseTo(330 / 600, 15);
    // By value, beyond chance: (0.55 − 0.1) / sqrt(0.1 · 0.9 · (30 · 10² + 3 · 100²) / 600²) …
    expect(ann.z).toBeCloseTo(0.45 / Math.sqrt((0.09 * 33000) / 360000), 12);
    expect(ann.z!).toBeGreaterThan(3.09);
    // … but by count 6 of 33 sales against 3.3 expected: (6/33 − 0.1) / sqrt(0.1 · 0.9 / 33).
    expect(ann.countZ).toBeCloseTo((6 / 33 - 0.1) / Math.sqrt(0.09 / 33), 12);
    expect(ann.countZ!).toBeLessThan(3.09);
    expect(ann.flagged).toBe(false);
  });

  test('shareZ: a share exactly even is 0; with no spread at all the sign decides', () => {
    expect(shareZ(0.1, 0.1, 100, 100)).toBe(0);
    expect(shareZ(0.3, 0, 100, 100)).toBe(Infinity);
  });

  test('property: sales spread evenly over every day give a ratio of 1 in every whole period, and no flag', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 27 }),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>,
        (amount, lastDays, kind) => {
          const s = salesOf(everyDay('2024-01-01', '2025-12-31').map((date) => ({ date, amount })));
          for (const c of pushCells(s, frameOf(s, kind, lastDays), ALL_SALES)) {
            expect(c.ratio).toBeCloseTo(1, 12);
            expect(Math.abs(c.z!)).toBeLessThan(1e-6);
            expect(c.flagged).toBe(false);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  test('property: moving sales from the first day into the last days raises the spike ratio, step by step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (amounts, lastDays, steps) => {
          const dates = everyDay('2026-09-01', '2026-09-30');
          const moved = Math.floor(amounts[0] / (steps + 1));
          let before = -Infinity;
          for (let k = 0; k <= steps; k++) {
            const rows = dates.map((date, d) => ({
              date,
              amount: amounts[d] + (d === 0 ? -k * moved : d === 29 ? k * moved : 0),
            }));
            const s = salesOf(rows);
            const [c] = pushCells(s, frameOf(s, 'month', lastDays), ALL_SALES);
            if (k > 0 && moved > 0) expect(c.ratio!).toBeGreaterThan(before);
            before = c.ratio!;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
