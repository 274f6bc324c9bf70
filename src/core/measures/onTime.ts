import { type Column, requireSome, sameLength } from '../values/column';
import { fail } from '../values/errors';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { type RatioRows } from './ratio';

/**
 * On time (DOMAIN.md): the share of delivered orders whose delivery day is on or before the promised
 * day. Orders not yet delivered (blank delivery date) are left out. Rows: num = 1 on time,
 * den = 1 per delivered order. Also returns the delivery days, which the scorecard buckets by.
 *
 * ONTIME_RATE asks for what is missing (no delivery dates at all, a delivered row without a promised
 * date); for a series per period (`perPeriod`: MEASURE_SERIES and the command line) rows without a
 * promised date are left out, and no deliveries give no rows.
 */
export function onTimeRows(promised: Column, delivered: Column, opts: DateOptions, perPeriod = false): RatioRows & { days: Float64Array } {
  sameLength(promised, delivered);
  if (!perPeriod) requireSome(delivered, 'delivery dates');
  const p = cachedDayColumn(promised, opts);
  const d = cachedDayColumn(delivered, opts);
  const n = p.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (d[i] !== d[i]) continue;
    if (p[i] !== p[i]) {
      if (perPeriod) continue;
      const row = Math.floor(i / delivered.width) + 1;
      if (row === 1 && typeof delivered.cells[i] === 'string' && typeof promised.cells[i] === 'string') continue;
      fail(`row ${row} has a delivery date but no promised date; fill in the promised date or clear the row`);
    }
    den[i] = 1;
    num[i] = d[i] <= p[i] ? 1 : 0;
  }
  return { num, den, days: d };
}
