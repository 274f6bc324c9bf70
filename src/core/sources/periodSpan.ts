import { type PeriodSpec, checkPeriodSpan, periodIndexer } from '../time/periods';

/**
 * The periods a source's series run over: from `first` (the source formulas' `start`, so that several
 * sources line up column by column, or the first period with data) for `count` periods. Every period in
 * between is listed, empty ones too.
 */
export interface PeriodSpan {
  readonly spec: PeriodSpec;
  readonly first: number;
  readonly count: number;
}

/**
 * The span of the rows kept (`keep[i]` = 1) by their days: from `start` (a period index) or the first
 * such period, to the last. Rows before `start` are counted in `before` (they are left out).
 */
export function spanOf(days: Float64Array, keep: Uint8Array | null, spec: PeriodSpec, start?: number): PeriodSpan & { before: number } {
  const of = periodIndexer(spec);
  let lo = Infinity;
  let hi = -Infinity;
  let before = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d !== d || (keep && !keep[i])) continue;
    const p = of(d);
    if (start !== undefined && p < start) {
      before++;
      continue;
    }
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  const first = start ?? (lo === Infinity ? 0 : lo);
  const count = hi === -Infinity ? 0 : hi - first + 1;
  if (count > 0) checkPeriodSpan(first, first + count - 1, spec, days, undefined, keep ? (i) => keep[i] === 1 : undefined);
  return { spec, first, count, before };
}

/** Each row's position in the span (−1: outside it, not kept, or no date). */
export function slotsIn(days: Float64Array, keep: Uint8Array | null, span: PeriodSpan): Int32Array {
  const of = periodIndexer(span.spec);
  const out = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d !== d || (keep && !keep[i])) {
      out[i] = -1;
      continue;
    }
    const k = of(d) - span.first;
    out[i] = k >= 0 && k < span.count ? k : -1;
  }
  return out;
}
