import type { HealthFrame } from './frame';
import type { Groups } from './groups';
import type { HealthSales } from './read';
import { EPS, HEALTH_RULES } from './rules';
import { type Side, twoSides } from './sides';

/**
 * Discounting at the end (DOMAIN.md; Larkin 2014, where deals timed to the commission schedule were sold at
 * lower prices that cost 6–8% of revenue): the discount rate of the push window's sales against the rest of
 * the period's.
 *
 * Discount rate = Σ money off / Σ list value, where a row's list value is its amount + its money off (the
 * same as (list − net) / list): the share of the list value given away. Weighted by value, not a mean of
 * row rates, so one large deal at 20% off counts for its size and a hundred small lines at list price
 * cannot hide it. Flagged when at least 2 percentage points above the rest, with at least 20 sales on each
 * side, in a whole period, and larger than chance (HEALTH_RULES.signalZ).
 */
export interface DiscountCell {
  /** num = Σ money off, den = Σ list value. */
  readonly push: Side;
  readonly rest: Side;
  /** push rate − rest rate, in points of list value (0.02 = 2 points); null when a side is empty. */
  readonly points: number | null;
  /** The difference of the two rates in standard errors (sides.ts); null when a side is empty. */
  readonly z: number | null;
  readonly flagged: boolean;
}

export function discountCells(s: HealthSales, f: HealthFrame, g: Groups): DiscountCell[] | null {
  if (!s.discount) return null;
  const { push, rest, z } = twoSides(s.days, s.discount.off, s.discount.list, f, g);
  return push.map((pw, at) => {
    const rs = rest[at];
    const points = pw.rate !== null && rs.rate !== null ? pw.rate - rs.rate : null;
    const flagged =
      !f.partial[at % f.count] &&
      pw.count >= HEALTH_RULES.minSales &&
      rs.count >= HEALTH_RULES.minSales &&
      points !== null &&
      points >= HEALTH_RULES.discountPoints - EPS &&
      z[at]! >= HEALTH_RULES.signalZ;
    return { push: pw, rest: rs, points, z: z[at], flagged };
  });
}
