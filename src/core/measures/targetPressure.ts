import { type Column, badCell, requireSome, sameLength } from '../values/column';
import { isBlank } from '../values/cell';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { type PeriodSpec, periodEnd, periodStart } from '../time/periods';
import { type Buckets, bucketDays } from './buckets';

export interface PressureRow {
  sales: number;
  /** Share of the period's sales in its last days, null when the period sold nothing. */
  share: number | null;
  expected: number;
  ratio: number | null;
  flagged: boolean;
}

export const SPIKE_FLAG = 1.5;

/**
 * Target health (DOMAIN.md): per period, the share of sales in its last `lastDays` calendar days,
 * against the share expected if sales were even (lastDays / days in the period). A spike ratio of
 * 1.5 or more is flagged as an end-of-period push.
 */
export function targetPressure(
  days: Float64Array,
  amounts: Column,
  spec: PeriodSpec,
  lastDays: number,
  dateCol?: Column,
): { buckets: Buckets; rows: PressureRow[] } {
  if (!Number.isInteger(lastDays) || lastDays < 1) fail(`last_days ${lastDays} must be a whole number of days such as 7`);
  if (dateCol) sameLength(dateCol, amounts);
  requireSome(amounts, 'amounts');
  const n = amounts.cells.length;
  const buckets = bucketDays(days, spec);
  const k = buckets.count;
  const total = new Float64Array(k);
  const late = new Float64Array(k);
  const cutoff = new Float64Array(k);
  for (let p = 0; p < k; p++) cutoff[p] = periodEnd(buckets.first + p, spec) - lastDays + 1;
  for (let i = 0; i < n; i++) {
    const p = buckets.index[i];
    const c = amounts.cells[i];
    const x = typeof c === 'number' && Number.isFinite(c) ? c : readNumber(c);
    if (x === undefined) {
      if (p < 0 && (i < amounts.width || isBlank(dateCol?.cells[i]))) continue; // header or totals row
      badCell(amounts, i, 'expected an amount such as 1234.5 or "£1,234.50"');
    }
    if (p < 0 || x === null) continue;
    total[p] += x;
    if (days[i] >= cutoff[p]) late[p] += x;
  }
  const rows: PressureRow[] = [];
  for (let p = 0; p < k; p++) {
    const length = periodEnd(buckets.first + p, spec) - periodStart(buckets.first + p, spec) + 1;
    if (lastDays >= length) fail(`last_days ${lastDays} is as long as a ${spec.kind}; choose fewer days`);
    const expected = lastDays / length;
    const share = total[p] !== 0 ? late[p] / total[p] : null;
    // (late / total) / (lastDays / length), in one division so that 1.5 stays exactly 1.5; amounts near the
    // largest double overflow that product, and then the share scales instead.
    const exact = share === null ? null : (late[p] * length) / (total[p] * lastDays);
    const ratio = exact === null || Number.isFinite(exact) ? exact : share! * (length / lastDays);
    rows.push({ sales: total[p], share, expected, ratio, flagged: ratio !== null && ratio >= SPIKE_FLAG - 1e-12 });
  }
  return { buckets, rows };
}
