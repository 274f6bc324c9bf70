import type { HealthFrame } from './frame';
import type { Groups } from './groups';
import type { HealthSales } from './read';
import { EPS, HEALTH_RULES } from './rules';
import { type Side, twoSides } from './sides';

/**
 * Returns after the push (DOMAIN.md): the return rate (Σ returned / Σ sold, in units or value) of the sales
 * made in the push window against the return rate of the period's other sales. Flagged when at least 1.5×
 * with at least 20 sales on each side, in a whole period, and larger than chance (HEALTH_RULES.signalZ).
 * Deals pulled in to hit a target are deals the customer did not need yet (Oyer 1998; Larkin 2014), and some of them come back.
 */
export interface ReturnsCell {
  readonly push: Side;
  readonly rest: Side;
  /** push rate / rest rate; null when the rest returned nothing (or either side is empty). */
  readonly ratio: number | null;
  /** The difference of the two rates in standard errors (sides.ts); null when a side is empty. */
  readonly z: number | null;
  readonly flagged: boolean;
}

export function returnsCells(s: HealthSales, f: HealthFrame, g: Groups): ReturnsCell[] | null {
  if (!s.returns) return null;
  const { push, rest, z } = twoSides(s.days, s.returns.returned, s.returns.base, f, g);
  return push.map((pw, at) => {
    const rs = rest[at];
    const pr = pw.rate;
    const rr = rs.rate;
    const ratio = pr !== null && rr !== null && rr > 0 ? pr / rr : null;
    const flagged =
      !f.partial[at % f.count] &&
      pw.count >= HEALTH_RULES.minSales &&
      rs.count >= HEALTH_RULES.minSales &&
      pr !== null &&
      rr !== null &&
      pr > 0 &&
      pr >= HEALTH_RULES.returnsRatio * rr * (1 - EPS) &&
      z[at]! >= HEALTH_RULES.signalZ;
    return { push: pw, rest: rs, ratio, z: z[at], flagged };
  });
}
