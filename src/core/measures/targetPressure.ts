import { type Column } from '../values/column';
import { UTC_ZONE } from '../time/zone';
import { type PeriodSpec } from '../time/periods';
import { type Buckets } from './buckets';
import { healthFrame } from './targetHealth/frame';
import { ALL_SALES } from './targetHealth/groups';
import { pushCells } from './targetHealth/push';
import { readHealthSales } from './targetHealth/read';
import { HEALTH_RULES } from './targetHealth/rules';

export interface PressureRow {
  sales: number;
  /** Share of the period's sales in its last days, null when the period sold nothing (or less). */
  share: number | null;
  expected: number;
  ratio: number | null;
  flagged: boolean;
  /** The data starts after the period's first day or ends before its last: never flagged. */
  partial: boolean;
}

export const SPIKE_FLAG = HEALTH_RULES.spike;

/**
 * TARGET_PRESSURE (DOMAIN.md *Target health*): per period, the share of sales in its last `lastDays`
 * calendar days, against the share expected if sales were even (lastDays / days in the period). A spike
 * ratio of 1.5 or more is flagged as an end-of-period push, except in a partial period. The team's push of
 * target health (targetHealth/push.ts), without the other measures.
 */
export function targetPressure(
  days: Float64Array,
  amounts: Column,
  spec: PeriodSpec,
  lastDays: number,
  dateCol?: Column,
): { buckets: Buckets; rows: PressureRow[] } {
  // The zone only reads return dates, which TARGET_PRESSURE has none of.
  const sales = readHealthSales({ dates: dateCol, amounts }, days, { zone: UTC_ZONE, monthFirst: false });
  const f = healthFrame(days, spec, lastDays);
  const rows = pushCells(sales, f, ALL_SALES).map((c, p) => ({
    sales: c.sales,
    share: c.share,
    expected: c.expected,
    ratio: c.ratio,
    flagged: c.flagged,
    partial: f.partial[p] === 1,
  }));
  return { buckets: { spec, first: f.first, count: f.count, index: f.slot }, rows };
}
