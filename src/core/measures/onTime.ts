import { type Column, requireSome, sameLength } from '../values/column';
import { fail } from '../values/errors';
import { type DateOptions, readDayColumn } from '../values/date';
import { type RatioRows } from './ratio';

/**
 * On time (DOMAIN.md): the share of delivered orders whose delivery day is on or before the promised
 * day. Orders not yet delivered (blank delivery date) are left out. Rows: num = 1 on time,
 * den = 1 per delivered order. Also returns the delivery days, which the scorecard buckets by.
 */
export function onTimeRows(promised: Column, delivered: Column, opts: DateOptions): RatioRows & { days: Float64Array } {
  sameLength(promised, delivered);
  requireSome(delivered, 'delivery dates');
  const p = readDayColumn(promised, opts);
  const d = readDayColumn(delivered, opts);
  const n = p.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (d[i] !== d[i]) continue;
    if (p[i] !== p[i]) {
      const row = Math.floor(i / delivered.width) + 1;
      if (row === 1 && typeof delivered.cells[i] === 'string' && typeof promised.cells[i] === 'string') continue;
      fail(`row ${row} has a delivery date but no promised date; fill in the promised date or clear the row`);
    }
    den[i] = 1;
    num[i] = d[i] <= p[i] ? 1 : 0;
  }
  return { num, den, days: d };
}
