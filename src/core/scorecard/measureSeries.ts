import { type Column, sameLength } from '../values/column';
import { fail } from '../values/errors';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { periodSlots } from '../measures/buckets';
import { ratioOfPeriods } from '../measures/ratio';
import { npsOfPeriods, npsPeriodCounts } from '../measures/npsByPeriod';
import { csatRows } from '../measures/csat';
import { comparisonRows } from '../measures/comparison';
import { onTimeRows } from '../measures/onTime';
import { returnRows } from '../measures/returns';
import { reviewRows } from '../measures/reviews';
import { moneyOfPeriods } from '../measures/money';
import { type MeasureId } from './measures';

export interface SeriesInput {
  readonly dates: Column;
  readonly a?: Column;
  readonly b?: Column;
}

/**
 * One measure per period, for the given periods (e.g. the scorecard's last 12 months): MEASURE_SERIES
 * and the command line's scorecard. Each measure is counted by its one function in core/measures (the
 * same the whole-range formulas call), grouped by period here. null where a period has nothing to
 * measure (no answers, no deliveries), 0 where a money sum is empty. Rows without a date are left out
 * (title, totals and blank rows).
 */
export function measureSeries(
  id: MeasureId,
  periods: readonly number[],
  spec: PeriodSpec,
  input: SeriesInput,
  opts: DateOptions,
): (number | null)[] {
  const { dates, a, b } = input;
  const need = (col: Column | undefined, what: string): Column => col ?? fail(`${id} needs ${what}`);
  for (const col of [a, b]) if (col) sameLength(dates, col);
  const k = periods.length;
  if (id === 'nps') return npsOfPeriods(npsPeriodCounts(dates, need(a, 'referral scores'), spec, opts), periods);
  const slot = periodSlots(cachedDayColumn(dates, opts), periods, spec);
  switch (id) {
    case 'csat':
      return ratioOfPeriods(csatRows(need(a, 'satisfaction ratings')), slot, k);
    case 'net_comparison':
      return ratioOfPeriods(comparisonRows(need(a, 'comparison answers')), slot, k);
    case 'on_time':
      // dates are the delivery days (the period an order counts in); a holds the promised days.
      return ratioOfPeriods(onTimeRows(need(a, 'promised dates'), dates, opts, true), slot, k);
    case 'return_rate':
      return ratioOfPeriods(returnRows(need(a, 'quantities sold'), need(b, 'quantities returned')), slot, k);
    case 'review_response':
      return ratioOfPeriods(reviewRows(need(a, 'stars'), need(b, 'whether each review was answered')), slot, k);
    case 'revenue':
    case 'margin':
    case 'margin_pct':
    case 'orders':
    case 'average_order_value':
      return moneyOfPeriods(id, slot, k, a, b);
  }
}
