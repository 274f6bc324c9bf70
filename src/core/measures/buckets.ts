import { type PeriodSpec, checkPeriodSpan, periodIndexer, periodLabel } from '../time/periods';
import type { Column } from '../values/column';

/**
 * Rows grouped by period. index[i] is row i's position among the listed periods (0 = the first
 * period that has data), or −1 for a row without a date. Every period between the first and the
 * last is listed, including empty ones: at most MAX_PERIODS (5,000) of them, or an error naming the
 * date that stretches the span (in `dates`, when given).
 */
export interface Buckets {
  readonly spec: PeriodSpec;
  readonly first: number;
  readonly count: number;
  readonly index: Int32Array;
}

export function bucketDays(days: Float64Array, spec: PeriodSpec, only?: (i: number) => boolean, dates?: Column): Buckets {
  const n = days.length;
  const index = new Int32Array(n);
  const of = periodIndexer(spec);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (d !== d || (only !== undefined && !only(i))) {
      index[i] = -1;
      continue;
    }
    const p = of(d);
    index[i] = p;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  if (min === Infinity) return { spec, first: 0, count: 0, index };
  checkPeriodSpan(min, max, spec, days, dates, only);
  for (let i = 0; i < n; i++) if (index[i] !== -1) index[i] -= min;
  return { spec, first: min, count: max - min + 1, index };
}

export function bucketLabels(b: Buckets): string[] {
  const out = new Array<string>(b.count);
  for (let i = 0; i < b.count; i++) out[i] = periodLabel(b.first + i, b.spec);
  return out;
}

/**
 * Row i's position among the wanted periods (e.g. a scorecard's last 12 months), or −1 for a row
 * without a date or outside them.
 */
export function periodSlots(days: Float64Array, periods: readonly number[], spec: PeriodSpec): Int32Array {
  const of = periodIndexer(spec);
  const out = new Int32Array(days.length);
  const first = periods.length ? periods[0] : 0;
  if (periods.every((p, i) => p === first + i)) {
    // Consecutive periods (as a scorecard's are): the slot is the distance from the first.
    const k = periods.length;
    for (let i = 0; i < days.length; i++) {
      const d = days[i];
      const s = d === d ? of(d) - first : -1;
      out[i] = s >= 0 && s < k ? s : -1;
    }
    return out;
  }
  const at = new Map<number, number>();
  periods.forEach((p, i) => at.set(p, i));
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    out[i] = d === d ? (at.get(of(d)) ?? -1) : -1;
  }
  return out;
}
