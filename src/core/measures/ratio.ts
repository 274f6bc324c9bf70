import { fail } from '../values/errors';

/**
 * Most lead measures are a ratio of sums over rows: NPS = Σ(+1 promoter, −1 detractor) / answers,
 * CSAT = Σ top-box / answers, on time = Σ on time / delivered, return rate = Σ returned / Σ sold.
 * Reading a measure's rows once gives these two columns; the whole-range value here and the value per
 * period (core/scorecard/measureSeries.ts) are the same sums grouped differently, so a formula and the
 * scorecard always agree.
 * A row with den = 0 does not count (a blank answer, an order not yet delivered).
 */
export interface RatioRows {
  readonly num: Float64Array;
  readonly den: Float64Array;
}

export interface RatioTotals {
  num: number;
  den: number;
  rows: number;
}

export function ratioTotals(r: RatioRows): RatioTotals {
  let num = 0;
  let den = 0;
  let rows = 0;
  const n = r.den.length;
  for (let i = 0; i < n; i++) {
    const d = r.den[i];
    if (d !== 0) {
      num += r.num[i];
      den += d;
      rows++;
    }
  }
  return { num, den, rows };
}

/** Σnum / Σden over the whole range; an error that says what was missing when nothing counts. */
export function ratioValue(r: RatioRows, nothing: string): number {
  const t = ratioTotals(r);
  if (t.den === 0) fail(nothing);
  return t.num / t.den;
}

/** scale · Σnum / Σden per wanted period (slot[i] is row i's period, −1 for none); null where nothing counts. */
export function ratioOfPeriods(r: RatioRows, slot: Int32Array, count: number, scale = 1): (number | null)[] {
  const num = new Float64Array(count);
  const den = new Float64Array(count);
  for (let i = 0; i < slot.length; i++) {
    const p = slot[i];
    if (p >= 0 && r.den[i] !== 0) {
      num[p] += r.num[i];
      den[p] += r.den[i];
    }
  }
  return Array.from(num, (x, p) => (den[p] === 0 ? null : (scale * x) / den[p]));
}
