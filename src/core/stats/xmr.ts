/** A period on a process-behaviour chart: routine variation, or a signal and which rule found it. */
export type XmrSignal = 'outside' | 'run' | null;

export interface XmrChart {
  /** The centre line: the mean of the values. */
  readonly centre: number;
  /** The mean moving range, mean of |x[t] − x[t − 1]|. */
  readonly meanMovingRange: number;
  /** Natural process limits: centre ∓ 2.66 · mean moving range. */
  readonly lower: number;
  readonly upper: number;
  /** One per value: 'outside' the limits, ends a 'run' of 8 on one side of the centre, or null (routine). */
  readonly signals: readonly XmrSignal[];
}

/** Fewer values than this and the limits mean little (DOMAIN.md: "Needs at least 6 periods"). */
export const XMR_MIN_VALUES = 6;
/** Consecutive values on one side of the centre line that make a signal. */
export const XMR_RUN = 8;
/** Wheeler's scaling constant for the X chart: 3 / d₂ with d₂ = 1.128 for moving ranges of 2. */
export const XMR_SCALE = 2.66;

/**
 * Signal or noise (DOMAIN.md, "Sample size, uncertainty and signal"; Wheeler's XmR chart) over the
 * values of consecutive periods: centre = mean, mR[t] = |x[t] − x[t − 1]|, limits = centre ± 2.66 ·
 * mean(mR). A value is a signal when it is outside the limits (strictly), or when it ends a run of 8
 * consecutive values on one side of the centre line (every value from the 8th of such a run on; a
 * value on the centre line ends a run). A value outside the limits is reported as 'outside' even
 * when it also ends a run.
 *
 * The values are the periods in order with the empty ones already left out (the moving range spans
 * a gap). Edge cases: `null` for fewer than 6 values; a NaN or infinite value throws a `RangeError`.
 * When every value is equal the limits close on the centre and nothing is a signal.
 *
 * @example xmr([10, 12, 11, 13, 12, 30]).signals // [null, null, null, null, null, 'outside']
 */
export function xmr(values: readonly number[]): XmrChart | null {
  const n = values.length;
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(values[i])) throw new RangeError(`xmr: values must be finite numbers, got ${values[i]} at ${i}`);
  if (n < XMR_MIN_VALUES) return null;
  let sum = 0;
  for (const v of values) sum += v;
  let centre = sum / n;
  // One correction pass (the mean of the residuals) keeps the centre exact for values with a large offset.
  let resid = 0;
  for (const v of values) resid += v - centre;
  centre += resid / n;
  let mr = 0;
  for (let t = 1; t < n; t++) mr += Math.abs(values[t] - values[t - 1]);
  const meanMovingRange = mr / (n - 1);
  const lower = centre - XMR_SCALE * meanMovingRange;
  const upper = centre + XMR_SCALE * meanMovingRange;
  const signals: XmrSignal[] = new Array<XmrSignal>(n).fill(null);
  let side = 0;
  let run = 0;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    const s = v > centre ? 1 : v < centre ? -1 : 0;
    run = s !== 0 && s === side ? run + 1 : s === 0 ? 0 : 1;
    side = s;
    if (v > upper || v < lower) signals[t] = 'outside';
    else if (run >= XMR_RUN) signals[t] = 'run';
  }
  return { centre, meanMovingRange, lower, upper, signals };
}
