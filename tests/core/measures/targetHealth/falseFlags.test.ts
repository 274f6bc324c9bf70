/**
 * The measured goal of target health's flags on sales with nothing planted: two years of five reps selling on
 * working days (about 1.5 sales a day each, log-normal sizes, per-customer discounts, 3.5% of sales partly
 * returned, targets every rep reaches two-thirds into each quarter): how often a flag fires by chance.
 * Seeded (examples/random.ts), so the counts are the same on every run.
 */
import { mulberry32 } from '../../../../examples/random';
import { readHealthSales } from '../../../../src/core/measures/targetHealth/read';
import { targetHealth } from '../../../../src/core/measures/targetHealth/targetHealth';
import { readTargets } from '../../../../src/core/measures/targetHealth/targets';
import { calendarSpec } from '../../../../src/core/time/periods';
import { toColumn } from '../../../../src/core/values/column';
import type { Cell } from '../../../../src/core/values/cell';
import { DATES } from '../../helpers';

const Q = calendarSpec('quarter');
const REPS = ['A', 'B', 'C', 'D', 'E'];
const LABELS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

function panel(rnd: () => number) {
  const poisson = (l: number) => {
    let k = 0;
    let p = Math.exp(-l);
    let s = p;
    const u = rnd();
    while (u > s) {
      p *= l / ++k;
      s += p;
    }
    return k;
  };
  const discountOf = Array.from({ length: 60 }, () => [0, 0, 0.02, 0.05, 0.05, 0.08, 0.1][Math.floor(rnd() * 7)]);
  const cols: Cell[][][] = [[], [], [], [], [], []];
  const days: number[] = [];
  for (let day = Date.UTC(2024, 0, 1) / 864e5; day <= Date.UTC(2025, 11, 31) / 864e5; day++) {
    const weekday = new Date(day * 864e5).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const rep of REPS)
      for (let k = poisson(1.5); k > 0; k--) {
        const list = 400 * Math.exp(2 * (rnd() + rnd() + rnd() - 1.5)); // log-normal-ish, log sd 1
        const qty = 1 + Math.floor(rnd() * 20);
        const net = list * (1 - discountOf[Math.floor(rnd() * 60)]);
        const back = rnd() < 0.035 ? Math.max(1, Math.round(qty * (0.05 + 0.25 * rnd()))) : 0;
        days.push(day);
        [new Date(day * 864e5).toISOString().slice(0, 10), net, back, qty, list - net, rep].forEach((c, j) => cols[j].push([c]));
      }
  }
  const [d, a, r, q, o, rep] = cols.map((c) => toColumn(c, 'x', true));
  const s = readHealthSales(
    { dates: d, amounts: a, returned: r, sold: q, discount: o, discountIs: 'amount', rep },
    Float64Array.from(days),
    DATES,
  );
  const quarter = 1.5 * 65 * 400 * Math.exp(0.5); // a rep's expected quarter
  const targets = readTargets(
    [['', ...LABELS], ['All', ...LABELS.map(() => 5 * quarter)], ...REPS.map((x) => [x, ...LABELS.map(() => 0.65 * quarter)])],
    Q,
  );
  return targetHealth(s, Q, 7, targets);
}

describe('flags by chance, on 100 panels of 5 reps over 8 quarters with nothing planted', () => {
  test('a rep’s push in at most 0.5% of rep-quarters; returns, discounts, the dip, coasting and ratchets almost never', () => {
    const rnd = mulberry32(20260101);
    const count: Record<string, number> = {};
    let repQuarters = 0;
    let quarters = 0;
    for (let run = 0; run < 100; run++) {
      for (const row of panel(rnd).rows) {
        if (row.partial) continue;
        if (row.rep === null) quarters++;
        else repQuarters++;
        for (const f of row.flags)
          count[`${f} ${row.rep === null ? 'team' : 'rep'}`] = (count[`${f} ${row.rep === null ? 'team' : 'rep'}`] ?? 0) + 1;
      }
    }
    expect(quarters).toBeGreaterThanOrEqual(790); // a panel whose last day sold nothing ends on a partial quarter
    expect(repQuarters).toBeGreaterThanOrEqual(3950);
    // A rep's push: by value and by number of sales (by value alone, about 0.65% of rep-quarters would be).
    expect(count['push rep'] ?? 0).toBeLessThanOrEqual(0.005 * repQuarters);
    // Everything else: returns and discounts (both sides of every row), the dip, coasting (every row has a
    // target its rep reaches), ratchets (flat targets): some 10,000 comparisons.
    const others = Object.entries(count).filter(([k]) => !k.startsWith('push'));
    expect(others.reduce((n, [, v]) => n + v, 0)).toBeLessThanOrEqual(10);
    // The team's push is DOMAIN.md's 1.5× alone: on quarters of ~500 log-normal sales it fires by chance in a
    // few percent of them (a note for DOMAIN.md; TARGET_PRESSURE flags the same).
    expect(count['push team'] ?? 0).toBeGreaterThan(0);
    expect(count['push team'] ?? 0).toBeLessThan(0.05 * quarters);
  });
});
