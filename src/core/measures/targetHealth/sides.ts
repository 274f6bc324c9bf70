import type { HealthFrame } from './frame';
import type { Groups } from './groups';

/** A rate over one side of a period: Σ num / Σ den over its sales that count (den > 0). */
export interface Side {
  readonly num: number;
  readonly den: number;
  readonly count: number;
  /** num / den; null when nothing counts. */
  readonly rate: number | null;
}

/**
 * The same rate on the two sides of each period: its push window (the last `lastDays` days) and the rest of
 * it, per group and period. Rows with den ≤ 0 or no date do not count.
 */
export function twoSides(
  days: Float64Array,
  num: Float64Array,
  den: Float64Array,
  f: HealthFrame,
  g: Groups,
): { push: Side[]; rest: Side[] } {
  const k = f.count;
  const size = g.count * k;
  // [push num, push den, push count, rest num, rest den, rest count] per cell
  const acc = new Float64Array(size * 6);
  for (let i = 0; i < den.length; i++) {
    const p = f.slot[i];
    const d = den[i];
    if (p < 0 || !(d > 0)) continue;
    const side = days[i] >= f.cutoff[p] ? 0 : 3;
    const r = g.of ? g.of[i] : -1;
    for (let at = p, pass = 0; pass < 2; pass++, at = r * k + p) {
      if (pass === 1 && r < 0) break;
      const o = at * 6 + side;
      acc[o] += num[i];
      acc[o + 1] += d;
      acc[o + 2]++;
    }
  }
  const side = (o: number): Side => ({
    num: acc[o],
    den: acc[o + 1],
    count: acc[o + 2],
    rate: acc[o + 1] > 0 ? acc[o] / acc[o + 1] : null,
  });
  const push: Side[] = new Array(size);
  const rest: Side[] = new Array(size);
  for (let at = 0; at < size; at++) {
    push[at] = side(at * 6);
    rest[at] = side(at * 6 + 3);
  }
  return { push, rest };
}
