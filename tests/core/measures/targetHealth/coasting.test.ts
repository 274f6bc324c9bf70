import { coastingCells } from '../../../../src/core/measures/targetHealth/coasting';
import { pushCells } from '../../../../src/core/measures/targetHealth/push';
import { ALL_SALES, type Groups } from '../../../../src/core/measures/targetHealth/groups';
import { day, everyDay, frameOf, salesOf, type Sale } from './helpers';

/** September at `a` a day to the 20th, then `b` a day. */
function september(a: number, b: number, rep?: string): Sale[] {
  return everyDay('2026-09-01', '2026-09-30').map((date) => ({ date, amount: Number(date.slice(8)) <= 20 ? a : b, rep }));
}

function coast(rows: Sale[], targets: number[], g: Groups = ALL_SALES) {
  const s = salesOf(rows);
  const f = frameOf(s, 'month', 7);
  const cells = pushCells(s, f, g);
  return coastingCells(s, f, g, Float64Array.from(targets), cells);
}

describe('coasting after target: the daily sales rate after the day the target was reached, against before', () => {
  test('worked by hand: a target of 1,500 reached on the 15th, then 40 a day against 100', () => {
    const [c] = coast(september(100, 10), [1500]);
    expect(c).toMatchObject({ target: 1500, reached: day('2026-09-15'), daysBefore: 15, daysAfter: 15, before: 1500, after: 600 });
    expect(c!.rateBefore).toBe(100);
    expect(c!.rateAfter).toBe(40);
    expect(c!.ratio).toBe(0.4);
    // Welch: before every day 100 (no spread); after 5 days of 100 and 10 of 10: s² = 27000 / 14.
    expect(c!.z).toBeCloseTo(60 / Math.sqrt(27000 / 14 / 15), 12);
    // One sale a day: the 15 days after hold 15 of the 30 sales, as even as can be.
    expect(c!.countZ).toBe(0);
    expect(c!.flagged).toBe(false);
  });

  test('the number of sales must fall too: a target is reached on a good day, after good days', () => {
    // Two sales a day to the 20th, then one: the 15 days after the 15th hold 5 · 2 + 10 = 20 of 50 sales.
    const rows = september(50, 10).flatMap((r) => (Number(r.date.slice(8)) <= 20 ? [r, r] : [r]));
    const [c] = coast(rows, [1500]);
    expect(c!.ratio).toBe(0.4);
    expect(c!.countZ).toBeCloseTo((25 - 20) / Math.sqrt(50 * 0.25), 12);
    expect(c!.flagged).toBe(false);
    const many = coast(
      september(10, 1).flatMap((r) => Array.from({ length: Number(r.date.slice(8)) <= 20 ? 10 : 1 }, () => r)),
      [1500],
    )[0]!;
    expect(many.ratio).toBeCloseTo(510 / 15 / 100, 12);
    expect(many.countZ!).toBeGreaterThan(2.33);
    expect(many.z!).toBeGreaterThan(3.09);
    expect(many.flagged).toBe(true);
  });

  test('the target is reached on the first day the running total is at least the target', () => {
    expect(coast(september(100, 10), [1400])[0]!.reached).toBe(day('2026-09-14'));
    expect(coast(september(100, 10), [1401])[0]!.reached).toBe(day('2026-09-15'));
  });

  test('not flagged: never reached, too early or too late for a week on each side, half the pace or more', () => {
    const never = coast(september(100, 10), [5000])[0]!;
    expect(never).toMatchObject({ reached: null, rateBefore: null, rateAfter: null, ratio: null, z: null, flagged: false });
    expect(never.before).toBe(2100);
    expect(coast(september(100, 10), [600])[0]!.flagged).toBe(false); // the 6th: 6 days before
    const late = coast(
      everyDay('2026-09-01', '2026-09-30').map((date) => ({ date, amount: Number(date.slice(8)) <= 24 ? 100 : 1 })),
      [2400],
    )[0]!;
    expect(late.daysAfter).toBe(6);
    expect(late.flagged).toBe(false);
    const steady = coast(september(100, 51), [1500])[0]!;
    expect(steady.ratio).toBeGreaterThan(0.5);
    expect(steady.flagged).toBe(false);
  });

  test('a period without a target has nothing to show; a partial period is never flagged', () => {
    expect(coast(september(100, 10), [NaN])[0]).toBeNull();
    const partial = coast(september(100, 10).slice(1), [1500])[0]!;
    expect(partial.ratio).toBeLessThan(0.5);
    expect(partial.flagged).toBe(false);
  });

  test('per rep: a rep with fewer than 20 sales is never flagged; the team needs no count', () => {
    // Ann: ten sales of 10 a day to the 20th, then one of 1; Bob: a sale of 100 every other day to the 20th, then 10.
    const ann = september(10, 1, 'Ann').flatMap((r) => Array.from({ length: Number(r.date.slice(8)) <= 20 ? 10 : 1 }, () => r));
    const rows = [...ann, ...september(100, 10, 'Bob').filter((_, i) => i % 2 === 0)];
    const s = salesOf(rows);
    const g: Groups = { count: 3, of: Int32Array.from(s.rep!, (r) => r + 1) };
    const f = frameOf(s, 'month', 7);
    const cells = coastingCells(s, f, g, Float64Array.from([NaN, 1500, 700]), pushCells(s, f, g));
    expect(cells[0]).toBeNull();
    expect(cells[1]!.flagged).toBe(true);
    expect(cells[2]!.ratio).toBeLessThan(0.5);
    expect(cells[2]!.flagged).toBe(false); // 15 sales
  });
});
