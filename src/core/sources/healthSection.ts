import { type PeriodSpec, periodLabel } from '../time/periods';
import { targetPressure } from '../measures/targetPressure';
import { type SalesLedger } from './salesLedger';

/**
 * Target health (DOMAIN.md) over a sales ledger's counted sales (orders once, left-out rows out), as the
 * rows SALES_SERIES spills under its measures and the scorecard's panel shows: a header row, then one row
 * per period.
 */
export const HEALTH_HEADERS = ['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag'] as const;

export function healthRows(ledger: SalesLedger, spec: PeriodSpec, lastDays: number): (string | number | null)[][] {
  const amounts = ledger.values.amount;
  if (!amounts) return [];
  const days = new Float64Array(ledger.n);
  const cells: number[] = new Array(ledger.n);
  for (let i = 0; i < ledger.n; i++) {
    days[i] = ledger.sale[i] ? ledger.day[i] : NaN;
    cells[i] = ledger.sale[i] ? amounts[i] : 0;
  }
  const { buckets, rows } = targetPressure(days, { cells, width: 1, name: 'amounts', named: true }, spec, lastDays);
  return rows.map((r, k) => [
    periodLabel(buckets.first + k, spec),
    r.sales,
    r.share,
    r.expected,
    r.ratio,
    r.flagged ? 'End-of-period push' : '',
  ]);
}
