import { type Column, badCell, requireSome, sameLength } from '../values/column';
import { isBlank } from '../values/cell';
import { isBlankWord, readNumber } from '../values/number';
import { type PeriodSpec, MAX_PERIODS, checkPeriodSpan, periodIndexer, periodOfDay } from '../time/periods';
import { type TimeZone, localDayReader } from '../time/zone';
import { type Buckets, bucketDays } from './buckets';

export type Aggregate = 'sum' | 'average' | 'count' | 'min' | 'max' | 'median';
/** Each aggregate and the other words for it. */
export const AGGREGATE_WORDS: Readonly<Record<Aggregate, readonly string[]>> = {
  sum: ['total'],
  average: ['avg', 'mean'],
  count: [],
  min: ['minimum'],
  max: ['maximum'],
  median: [],
};
const VALUE_EXPECTED = 'expected a number such as 1234.5, "£1,234.50" or "12%"';

/**
 * Values per period. Rows without a date are left out (a totals row has none); blank values are
 * left out. Empty periods are 0 for sum and count, null (blank) otherwise.
 * "count" counts non-blank values of any kind, so it also counts orders or answers; "-", "n/a" and the
 * other words exports write for "nothing" are blanks (readNumber) and are not counted.
 */
export function periodSeries(
  days: Float64Array,
  values: Column,
  spec: PeriodSpec,
  agg: Aggregate,
  dateCol?: Column,
): { buckets: Buckets; values: (number | null)[] } {
  if (dateCol) sameLength(dateCol, values);
  requireSome(values, 'values');
  if (agg === 'median') return medianSeries(days, values, spec, dateCol);
  const n = days.length;
  const rows = values.rows;
  const cells = rows ? null : values.cells;
  // The listed periods run from the earliest date to the latest; find them first so that the sums
  // can be made in the same pass that reads the values (no per-row arrays on a million rows).
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const of = periodIndexer(spec);
  const index = new Int32Array(0);
  if (minDay === Infinity) return { buckets: { spec, first: 0, count: 0, index }, values: [] };
  const first = periodOfDay(minDay, spec);
  const k = periodOfDay(maxDay, spec) - first + 1;
  checkPeriodSpan(first, first + k - 1, spec, days, dateCol);
  const acc = new Float64Array(k);
  const cnt = new Float64Array(k);
  if (agg === 'min') acc.fill(Infinity);
  if (agg === 'max') acc.fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (d !== d) continue; // no date: a header, title or totals row
    const c = rows ? rows[i][0] : cells![i];
    let x: number;
    if (typeof c === 'number' && c - c === 0) x = c;
    else if (agg === 'count') {
      if (isBlank(c) || (typeof c === 'string' && isBlankWord(c))) continue;
      x = 1;
    } else {
      const r = readNumber(c);
      if (r === undefined) badCell(values, i, VALUE_EXPECTED);
      if (r === null) continue;
      x = r;
    }
    const p = of(d) - first;
    cnt[p]++;
    if (agg === 'min') {
      if (x < acc[p]) acc[p] = x;
    } else if (agg === 'max') {
      if (x > acc[p]) acc[p] = x;
    } else acc[p] += x;
  }
  return { buckets: { spec, first, count: k, index }, values: finish(agg, acc, cnt) };
}

/** Medians need each period's values: a counting sort by period, then the middle of each slice. */
function medianSeries(
  days: Float64Array,
  values: Column,
  spec: PeriodSpec,
  dateCol?: Column,
): { buckets: Buckets; values: (number | null)[] } {
  const cells = values.cells;
  const n = cells.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (days[i] !== days[i]) {
      v[i] = NaN;
      continue;
    }
    const x = readNumber(cells[i]);
    if (x === undefined) badCell(values, i, VALUE_EXPECTED);
    v[i] = x === null ? NaN : x;
  }
  const buckets = bucketDays(days, spec, undefined, dateCol);
  const k = buckets.count;
  const idx = buckets.index;
  const out: (number | null)[] = new Array(k);
  const counts = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) if (idx[i] >= 0 && v[i] === v[i]) counts[idx[i] + 1]++;
  for (let p = 0; p < k; p++) counts[p + 1] += counts[p];
  const sorted = new Float64Array(counts[k]);
  const fill = counts.slice(0, k);
  for (let i = 0; i < n; i++) if (idx[i] >= 0 && v[i] === v[i]) sorted[fill[idx[i]]++] = v[i];
  for (let p = 0; p < k; p++) {
    const slice = sorted.subarray(counts[p], counts[p + 1]).sort();
    const m = slice.length;
    out[p] = m === 0 ? null : m % 2 ? slice[(m - 1) >> 1] : (slice[m / 2 - 1] + slice[m / 2]) / 2;
  }
  return { buckets, values: out };
}

/**
 * The common case in one pass, with no per-row arrays: a one-column range of Date cells (or blanks)
 * beside its values. Returns null as soon as a date cell is anything else (text, a serial number, a
 * header), and the caller reads the column the general way. Same results as periodSeries.
 */
export function dateCellSeries(
  dateCol: Column,
  values: Column,
  spec: PeriodSpec,
  agg: Aggregate,
  zone: TimeZone,
): { buckets: Buckets; values: (number | null)[] } | null {
  const rows = dateCol.rows;
  if (!rows || agg === 'median') return null;
  requireSome(values, 'values');
  const vrows = values.rows;
  const vcells = vrows ? null : values.cells;
  const of = periodIndexer(spec);
  const start = agg === 'min' ? Infinity : agg === 'max' ? -Infinity : 0;
  let acc: number[] = [];
  let cnt: number[] = [];
  let lo = 0; // the period of acc[0]
  const localDay = localDayReader(zone);
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i][0];
    if (!(c instanceof Date)) {
      if (c === '' || c === null || c === undefined) continue;
      return null;
    }
    const t = c.getTime();
    if (t !== t) return null;
    // The listed periods span every dated row, with or without a value (as periodSeries does).
    const p = of(localDay(t));
    if (acc.length === 0) lo = p;
    let k = p - lo;
    // Past the cap, the general reading (periodSeries) finds the date that stretches the span and says so.
    if (k >= MAX_PERIODS || acc.length - k > MAX_PERIODS) return null;
    if (k < 0) {
      // An earlier period than any so far: make room in front (rare: exports are in date order).
      acc = new Array<number>(-k).fill(start).concat(acc);
      cnt = new Array<number>(-k).fill(0).concat(cnt);
      lo = p;
      k = 0;
    }
    while (k >= acc.length) {
      acc.push(start);
      cnt.push(0);
    }
    const v = vrows ? vrows[i][0] : vcells![i];
    let x: number;
    if (typeof v === 'number' && v - v === 0) x = v;
    else if (agg === 'count') {
      if (isBlank(v) || (typeof v === 'string' && isBlankWord(v))) continue;
      x = 1;
    } else {
      const r = readNumber(v);
      if (r === undefined) badCell(values, i, VALUE_EXPECTED);
      if (r === null) continue;
      x = r;
    }
    cnt[k]++;
    if (agg === 'min') {
      if (x < acc[k]) acc[k] = x;
    } else if (agg === 'max') {
      if (x > acc[k]) acc[k] = x;
    } else acc[k] += x;
  }
  return { buckets: { spec, first: lo, count: acc.length, index: new Int32Array(0) }, values: finish(agg, acc, cnt) };
}

/** Each period's value from its running total (or min, max) and count: empty periods 0 for sum and count, else blank. */
function finish(agg: Aggregate, acc: ArrayLike<number>, cnt: ArrayLike<number>): (number | null)[] {
  const out: (number | null)[] = new Array(acc.length);
  for (let p = 0; p < acc.length; p++) {
    if (agg === 'sum') out[p] = acc[p];
    else if (agg === 'count') out[p] = cnt[p];
    else if (cnt[p] === 0) out[p] = null;
    else out[p] = agg === 'average' ? acc[p] / cnt[p] : acc[p];
  }
  return out;
}
