import { fail } from '../../values/errors';
import { type PeriodSpec, checkPeriodSpan, periodEnd, periodIndexer, periodLabel, periodStart } from '../../time/periods';

/**
 * The periods target health looks at: every period from the first dated row to the last, each with its
 * first and last day, the first day of its last `lastDays` days (the push window), and whether the data
 * covers it only in part.
 *
 * Partial (DOMAIN.md): the data starts after the period's first day or ends before its last, judged by the
 * first and the last date of the whole date column. A partial period shows what its data says and is never
 * flagged.
 */
export interface HealthFrame {
  readonly spec: PeriodSpec;
  readonly lastDays: number;
  /** The period index of slot 0. */
  readonly first: number;
  readonly count: number;
  /** Each row's slot (0 … count − 1), −1 for a row without a date. */
  readonly slot: Int32Array;
  /** The first and last date of the column (NaN when it has none). */
  readonly dataFirst: number;
  readonly dataLast: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** First day of the push window: end − lastDays + 1. */
  readonly cutoff: Float64Array;
  readonly partial: Uint8Array;
}

export function healthFrame(days: Float64Array, spec: PeriodSpec, lastDays: number): HealthFrame {
  if (!Number.isInteger(lastDays) || lastDays < 1) fail(`last_days ${lastDays} must be a whole number of days such as 7`);
  const n = days.length;
  const slot = new Int32Array(n);
  const of = periodIndexer(spec);
  let lo = Infinity;
  let hi = -Infinity;
  let dataFirst = Infinity;
  let dataLast = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (d !== d) {
      slot[i] = -1;
      continue;
    }
    const p = of(d);
    slot[i] = p;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
    if (d < dataFirst) dataFirst = d;
    if (d > dataLast) dataLast = d;
  }
  if (lo !== Infinity) checkPeriodSpan(lo, hi, spec, days);
  const count = lo === Infinity ? 0 : hi - lo + 1;
  for (let i = 0; i < n; i++) if (slot[i] !== -1) slot[i] -= lo;
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  const cutoff = new Float64Array(count);
  const partial = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    start[p] = periodStart(lo + p, spec);
    end[p] = periodEnd(lo + p, spec);
    if (lastDays >= end[p] - start[p] + 1) fail(`last_days ${lastDays} is as long as a ${spec.kind}; choose fewer days`);
    cutoff[p] = end[p] - lastDays + 1;
    partial[p] = dataFirst > start[p] || dataLast < end[p] ? 1 : 0;
  }
  return {
    spec,
    lastDays,
    first: count ? lo : 0,
    count,
    slot,
    dataFirst: count ? dataFirst : NaN,
    dataLast: count ? dataLast : NaN,
    start,
    end,
    cutoff,
    partial,
  };
}

/** Days in slot p. */
export function lengthOf(f: HealthFrame, p: number): number {
  return f.end[p] - f.start[p] + 1;
}

export function labelOf(f: HealthFrame, p: number): string {
  return periodLabel(f.first + p, f.spec);
}
