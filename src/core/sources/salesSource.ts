import { type DateOptions } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { type SourceRules } from './rules';
import { salesLedger } from './salesLedger';
import { type SalesMeasure, salesCounts, salesPeriods, salesValues } from './salesSeries';
import { type FilterColumns, type MeasureRow, type RoleColumns, type SourceSeries } from './sourceSeries';
import { blankRow, datedRows } from './seriesRows';

const SALES_MEASURES: readonly SalesMeasure[] = [
  'on_time',
  'return_rate',
  'revenue',
  'margin',
  'margin_pct',
  'orders',
  'average_order_value',
];

/**
 * The sales measures the columns allow (money, orders, returns, on time); target health per rep is
 * healthSection.ts withHealth's, apart, so that what needs only the measures does not load it.
 */
export function salesSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  asOf?: number,
): SourceSeries {
  const date = cols.date;
  if (!date) throw new Error('salesSeries needs the date column');
  const ledger = salesLedger(
    {
      date,
      order_id: cols.order_id,
      amount: cols.amount,
      cost: cols.cost,
      margin: cols.margin,
      quantity: cols.quantity,
      returned: cols.returned,
      refunded: cols.refunded,
      discount: cols.discount,
      promised_date: cols.promised_date,
      delivered_date: cols.delivered_date,
      filters,
    },
    rules,
    opts,
  );
  const p = salesPeriods(ledger, spec, start, asOf);
  const measures: MeasureRow[] = [];
  for (const m of SALES_MEASURES) {
    const problem = p.problems[m];
    const values = salesValues(p, m);
    if (!values) {
      if (problem) measures.push(blankRow(m, p.count, problem));
      continue;
    }
    const n = salesCounts(p, m);
    const counts = Array.from({ length: p.count }, (_, i) => (n ? n[i] : null));
    const hits =
      m === 'on_time' && p.onTime
        ? Array.from(p.onTime.onTime, (x, i) => (p.onTime!.due[i] === 0 ? null : x))
        : m === 'return_rate' && p.returns
          ? Array.from(p.returns.num, (x, i) => (p.returns!.den[i] === 0 ? null : x))
          : null;
    measures.push({ id: m, values, counts, hits, problem: null });
  }
  return {
    source: 'sales',
    spec,
    first: p.first,
    count: p.count,
    dated: datedRows(ledger.day),
    before: p.before,
    measures,
    leftOut: ledger.leftOut,
    leftOutCount: ledger.leftOutCount,
    amounts: ledger.level,
    returnBasis: p.returns?.basis,
    ledger,
  };
}
