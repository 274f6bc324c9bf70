/** The rows the source series (salesSource.ts, rateSources.ts) are made of. */
import { type MeasureId } from '../scorecard/measures';
import { type RatePeriods } from './feedbackSeries';
import { type MeasureRow } from './sourceSeries';

export function datedRows(days: Float64Array): number {
  let n = 0;
  for (let i = 0; i < days.length; i++) if (days[i] === days[i]) n++;
  return n;
}

export function blankRow(id: MeasureId, count: number, problem: string): MeasureRow {
  const none = new Array<null>(count).fill(null);
  return { id, values: none, counts: none, hits: null, problem };
}

export function rateRow(id: MeasureId, r: RatePeriods, scale = 1): MeasureRow {
  const k = r.den.length;
  const values = new Array<number | null>(k);
  const counts = new Array<number | null>(k);
  const hits = new Array<number | null>(k);
  for (let i = 0; i < k; i++) {
    const n = r.den[i];
    values[i] = n === 0 ? null : (scale * r.num[i]) / n;
    counts[i] = n;
    hits[i] = n === 0 ? null : r.num[i];
  }
  return { id, values, counts, hits, problem: null };
}
