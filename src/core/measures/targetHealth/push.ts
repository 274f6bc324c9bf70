import type { HealthFrame } from './frame';
import { lengthOf } from './frame';
import type { Groups } from './groups';
import type { HealthSales } from './read';
import { EPS, HEALTH_RULES } from './rules';

/** End-of-period push (DOMAIN.md; Oyer 1998): the share of a period's sales in its last days against the even share. */
export interface PushCell {
  /** Σ amounts of the period's sales. */
  readonly sales: number;
  /** How many sales (rows with a date and an amount). */
  readonly count: number;
  /** Σ amounts in the last `lastDays` days (the push window), and how many sales. */
  readonly late: number;
  readonly lateCount: number;
  /** Σ amounts in the first `lastDays` days (what a pull-forward dip is read from). */
  readonly early: number;
  /** Σ amount², for the z statistics. */
  readonly squares: number;
  /** late / sales; null when the period's sales add up to 0 or less. */
  readonly share: number | null;
  /** lastDays / days in the period. */
  readonly expected: number;
  readonly ratio: number | null;
  /**
   * How far the share is above the even share in standard errors, were the sales spread at random over the
   * period's days: (share − expected) / sqrt(expected·(1 − expected)·Σ amount² / (Σ amount)²); null without a share.
   */
  readonly z: number | null;
  /**
   * The same for the number of sales: (lateCount / count − expected) / sqrt(expected·(1 − expected) / count);
   * null without sales. A rep's push needs both: many sales landing late, not one large deal.
   */
  readonly countZ: number | null;
  readonly flagged: boolean;
}

/** (share − expected) in standard errors of a share of `sales` with Σ amount² = `squares`, spread at random. */
export function shareZ(share: number, expected: number, sales: number, squares: number): number {
  const se = Math.sqrt((expected * (1 - expected) * (squares / sales)) / sales);
  return se > 0 ? (share - expected) / se : share === expected ? 0 : share > expected ? Infinity : -Infinity;
}

/** One cell per group and period (see Groups). */
export function pushCells(s: HealthSales, f: HealthFrame, g: Groups): PushCell[] {
  const k = f.count;
  const size = g.count * k;
  const total = new Float64Array(size);
  const count = new Float64Array(size);
  const late = new Float64Array(size);
  const lateCount = new Float64Array(size);
  const early = new Float64Array(size);
  const squares = new Float64Array(size);
  const firstDays = f.lastDays - 1;
  const n = s.amounts.length;
  for (let i = 0; i < n; i++) {
    const a = s.amounts[i];
    const p = f.slot[i];
    if (a !== a || p < 0) continue;
    const d = s.days[i];
    const isLate = d >= f.cutoff[p];
    const isEarly = d <= f.start[p] + firstDays;
    const r = g.of ? g.of[i] : -1;
    for (let at = p, pass = 0; pass < 2; pass++, at = r * k + p) {
      if (pass === 1 && r < 0) break;
      total[at] += a;
      squares[at] += a * a;
      count[at]++;
      if (isLate) {
        late[at] += a;
        lateCount[at]++;
      }
      if (isEarly) early[at] += a;
    }
  }
  const out: PushCell[] = new Array(size);
  for (let at = 0; at < size; at++) {
    const p = at % k;
    const length = lengthOf(f, p);
    const expected = f.lastDays / length;
    const share = total[at] > 0 ? late[at] / total[at] : null;
    // (late / total) / (lastDays / length) in one division, so that 1.5 stays exactly 1.5; amounts near the
    // largest double overflow that product, and then the share scales instead.
    const exact = share === null ? null : (late[at] * length) / (total[at] * f.lastDays);
    const ratio = exact === null || Number.isFinite(exact) ? exact : share! * (length / f.lastDays);
    const z = share === null ? null : shareZ(share, expected, total[at], squares[at]);
    const countZ = count[at] > 0 ? shareZ(lateCount[at] / count[at], expected, count[at], count[at]) : null;
    // The team's push is DOMAIN.md's rule alone (as TARGET_PRESSURE flags it); a rep's needs 20 sales, and its
    // share of the value and of the number of sales both beyond chance.
    const enough =
      at < k || (count[at] >= HEALTH_RULES.minSales && z !== null && z >= HEALTH_RULES.signalZ && countZ! >= HEALTH_RULES.countZ);
    out[at] = {
      sales: total[at],
      count: count[at],
      late: late[at],
      lateCount: lateCount[at],
      early: early[at],
      share,
      expected,
      ratio,
      z,
      countZ,
      squares: squares[at],
      flagged: !f.partial[p] && enough && ratio !== null && ratio >= HEALTH_RULES.spike - EPS,
    };
  }
  return out;
}
