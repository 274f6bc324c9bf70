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
 * How far the push window's rate is above the rest's in standard errors, were both sides' rows drawn from one
 * rate: each side's rate is a ratio of sums, whose variance (by linearisation, the standard error of a ratio
 * estimator) is Σ (num − R·den)² / (Σ den)², R the rate of the two sides together.
 */
function sidesZ(acc: Float64Array, spread: Float64Array, at: number): number {
  const o = at * 6;
  const se = Math.sqrt(spread[at * 2] / acc[o + 1] / acc[o + 1] + spread[at * 2 + 1] / acc[o + 4] / acc[o + 4]);
  const diff = acc[o] / acc[o + 1] - acc[o + 3] / acc[o + 4];
  return se > 0 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
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
): { push: Side[]; rest: Side[]; z: (number | null)[] } {
  const k = f.count;
  const size = g.count * k;
  // [push num, push den, push count, rest num, rest den, rest count] per cell
  const acc = new Float64Array(size * 6);
  // [push Σ(num − R·den)², rest …] for the z statistic, R the cell's rate of both sides (a second pass below)
  const spread = new Float64Array(size * 2);
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
  const pooled = (at: number): number => (acc[at * 6] + acc[at * 6 + 3]) / (acc[at * 6 + 1] + acc[at * 6 + 4]);
  for (let i = 0; i < den.length; i++) {
    const p = f.slot[i];
    const d = den[i];
    if (p < 0 || !(d > 0)) continue;
    const side = days[i] >= f.cutoff[p] ? 0 : 1;
    const r = g.of ? g.of[i] : -1;
    for (let at = p, pass = 0; pass < 2; pass++, at = r * k + p) {
      if (pass === 1 && r < 0) break;
      const e = num[i] - pooled(at) * d;
      spread[at * 2 + side] += e * e;
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
  const z: (number | null)[] = new Array(size);
  for (let at = 0; at < size; at++) {
    const o = at * 6;
    push[at] = side(o);
    rest[at] = side(o + 3);
    z[at] = push[at].rate === null || rest[at].rate === null ? null : sidesZ(acc, spread, at);
  }
  return { push, rest, z };
}
