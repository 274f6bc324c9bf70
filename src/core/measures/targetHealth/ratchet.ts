import { EPS, HEALTH_RULES } from './rules';

/**
 * Ratchet (DOMAIN.md): targets that rise by about the same step every period, however the period before
 * went. Leone, Misra & Zimmerman (2004) found quotas ratchet asymmetrically: they rise more after a year
 * above quota than they fall after a year below it; a target that rises by the same step after a miss as
 * after a hit has stopped listening to results at all.
 *
 * The rise of period t is target[t] / target[t − 1] − 1, for consecutive periods that both have a target.
 * A ratchet is a run of at least 3 rises in a row, each above 0, all within 2 percentage points of each other
 * (largest − smallest ≤ 0.02), at least one of them after a period that missed its target. Runs are found
 * from the oldest period on, each as long as it can be, and do not overlap.
 */
export interface RatchetPoint {
  readonly target: number | null;
  /** What the period sold; null when unknown. */
  readonly result: number | null;
  /** Whether the result is final (a partial period's is not). */
  readonly complete: boolean;
}

export interface RatchetStep {
  readonly target: number | null;
  readonly result: number | null;
  /** result ≥ target; null without a target or a final result. */
  readonly hit: boolean | null;
  /** target / the previous period's target − 1; null without both. */
  readonly rise: number | null;
  /** Whether this period's rise is part of a ratchet. */
  readonly flagged: boolean;
}

export interface RatchetRun {
  /** Positions of the first and the last rise of the run in the series. */
  readonly from: number;
  readonly to: number;
  readonly smallest: number;
  readonly largest: number;
  /** How many of the rises came after a missed period, and after a hit. */
  readonly afterMisses: number;
  readonly afterHits: number;
}

/** One step per point (consecutive periods, oldest first), and the runs found. */
export function ratchet(points: readonly RatchetPoint[]): { steps: RatchetStep[]; runs: RatchetRun[] } {
  const n = points.length;
  const hit = points.map((p) => (p.target !== null && p.result !== null && p.complete ? p.result >= p.target : null));
  const rise = points.map((p, t) => {
    const before = t > 0 ? points[t - 1].target : null;
    return p.target !== null && before !== null && before > 0 ? p.target / before - 1 : null;
  });
  const flagged = new Array<boolean>(n).fill(false);
  const runs: RatchetRun[] = [];
  let a = 1;
  while (a < n) {
    if (!(rise[a]! > 0)) {
      a++;
      continue;
    }
    let lo = rise[a]!;
    let hi = lo;
    let b = a;
    while (b + 1 < n && rise[b + 1]! > 0) {
      const r = rise[b + 1]!;
      const nlo = Math.min(lo, r);
      const nhi = Math.max(hi, r);
      if (nhi - nlo > HEALTH_RULES.ratchetPoints + EPS) break;
      lo = nlo;
      hi = nhi;
      b++;
    }
    let afterMisses = 0;
    let afterHits = 0;
    for (let t = a; t <= b; t++) {
      if (hit[t - 1] === false) afterMisses++;
      if (hit[t - 1] === true) afterHits++;
    }
    if (b - a + 1 >= HEALTH_RULES.ratchetRises && afterMisses > 0) {
      runs.push({ from: a, to: b, smallest: lo, largest: hi, afterMisses, afterHits });
      for (let t = a; t <= b; t++) flagged[t] = true;
      a = b + 1;
    } else a++;
  }
  const steps = points.map((p, t) => ({ target: p.target, result: p.result, hit: hit[t], rise: rise[t], flagged: flagged[t] }));
  return { steps, runs };
}
