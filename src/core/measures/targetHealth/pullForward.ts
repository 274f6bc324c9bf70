import type { HealthFrame } from './frame';
import { labelOf, lengthOf } from './frame';
import type { Groups } from './groups';
import { type PushCell, shareZ } from './push';
import { EPS, HEALTH_RULES } from './rules';

/**
 * Pull-forward dip (DOMAIN.md; Oyer 1998 found sales higher at the end of the fiscal year and lower at the
 * beginning): after a period, the next period's share of its sales in its first `lastDays` days against the
 * even share lastDays / its days. Shown when the next period is whole; flagged when its start ratio is at
 * most 1 / 1.5 right after a flagged push (a slow start alone is often a holiday, not a target), and below the
 * even share by more than chance (HEALTH_RULES.signalZ).
 */
export interface PullForwardCell {
  /** The next period's label. */
  readonly next: string;
  /** Σ amounts in the next period's first days / its Σ amounts; null when it sold 0 or less. */
  readonly share: number | null;
  readonly expected: number;
  readonly ratio: number | null;
  /** The next period's number of sales. */
  readonly count: number;
  /** How far the share is below the even share, in standard errors (see PushCell.z). */
  readonly z: number | null;
  readonly flagged: boolean;
}

export function pullForwardCells(push: readonly PushCell[], f: HealthFrame, g: Groups): (PullForwardCell | null)[] {
  const k = f.count;
  const out: (PullForwardCell | null)[] = new Array(g.count * k).fill(null);
  for (let at = 0; at < g.count * k; at++) {
    const p = at % k;
    if (p + 1 >= k || f.partial[p + 1]) continue;
    const next = push[at + 1];
    const length = lengthOf(f, p + 1);
    const expected = f.lastDays / length;
    const share = next.sales > 0 ? next.early / next.sales : null;
    const exact = share === null ? null : (next.early * length) / (next.sales * f.lastDays);
    const ratio = exact === null || Number.isFinite(exact) ? exact : share! * (length / f.lastDays);
    const z = share === null ? null : -shareZ(share, expected, next.sales, next.squares);
    const enough = (at < k || next.count >= HEALTH_RULES.minSales) && z !== null && z >= HEALTH_RULES.signalZ;
    out[at] = {
      next: labelOf(f, p + 1),
      share,
      expected,
      ratio,
      count: next.count,
      z,
      flagged: push[at].flagged && enough && ratio !== null && ratio <= HEALTH_RULES.dip + EPS,
    };
  }
  return out;
}
