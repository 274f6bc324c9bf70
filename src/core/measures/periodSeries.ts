import { Column, badCell, requireSome, sameLength } from '../values/column';
import { isBlank } from '../values/cell';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { PeriodSpec } from '../time/periods';
import { Buckets, bucketDays } from './buckets';

export type Aggregate = 'sum' | 'average' | 'count' | 'min' | 'max' | 'median';
const AGGREGATES: Record<string, Aggregate> = {
  sum: 'sum', total: 'sum', average: 'average', avg: 'average', mean: 'average',
  count: 'count', min: 'min', minimum: 'min', max: 'max', maximum: 'max', median: 'median',
};
export const AGGREGATE_HELP = 'use "sum", "average", "count", "min", "max" or "median"';

export function parseAggregate(text: unknown): Aggregate {
  if (text === undefined || text === null || text === '') return 'sum';
  const a = typeof text === 'string' ? AGGREGATES[text.trim().toLowerCase()] : undefined;
  if (!a) fail(`unknown aggregate ${JSON.stringify(text)}; ${AGGREGATE_HELP}`);
  return a;
}

const VALUE_EXPECTED = 'expected a number such as 1234.5, "£1,234.50" or "12%"';

/**
 * Values per period. Rows without a date are left out (a totals row has none); blank values are
 * left out. Empty periods are 0 for sum and count, null (blank) otherwise.
 * "count" counts non-blank values of any kind, so it also counts orders or answers.
 */
export function periodSeries(days: Float64Array, values: Column, spec: PeriodSpec, agg: Aggregate, dateCol?: Column): { buckets: Buckets; values: (number | null)[] } {
  if (dateCol) sameLength(dateCol, values);
  requireSome(values, 'values');
  const cells = values.cells;
  const n = cells.length;
  // Read the values first: blanks as NaN, so bucketing can skip them in the same pass.
  const v = new Float64Array(n);
  if (agg === 'count') {
    for (let i = 0; i < n; i++) v[i] = isBlank(cells[i]) ? NaN : 1;
  } else {
    for (let i = 0; i < n; i++) {
      const c = cells[i];
      if (typeof c === 'number' && c === c && c !== Infinity && c !== -Infinity) {
        v[i] = c;
        continue;
      }
      const x = readNumber(c);
      if (x === undefined) {
        if (days[i] !== days[i] && (i < values.width || isBlank(dateCol?.cells[i]))) {
          v[i] = NaN; // a header or totals row without a date
          continue;
        }
        badCell(values, i, VALUE_EXPECTED);
      }
      v[i] = x === null ? NaN : x;
    }
  }
  const buckets = bucketDays(days, spec);
  const k = buckets.count;
  const idx = buckets.index;
  const out: (number | null)[] = new Array(k);
  if (agg === 'median') {
    // Counting sort of the values by period, then the median of each slice.
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
  const acc = new Float64Array(k);
  const cnt = new Float64Array(k);
  if (agg === 'min') acc.fill(Infinity);
  if (agg === 'max') acc.fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const p = idx[i];
    const x = v[i];
    if (p < 0 || x !== x) continue;
    cnt[p]++;
    if (agg === 'min') { if (x < acc[p]) acc[p] = x; }
    else if (agg === 'max') { if (x > acc[p]) acc[p] = x; }
    else acc[p] += x;
  }
  for (let p = 0; p < k; p++) {
    if (agg === 'sum') out[p] = acc[p];
    else if (agg === 'count') out[p] = cnt[p];
    else if (cnt[p] === 0) out[p] = null;
    else out[p] = agg === 'average' ? acc[p] / cnt[p] : acc[p];
  }
  return { buckets, values: out };
}
