import { type Column, sameLength } from '../values/column';
import { fail } from '../values/errors';
import { type DateOptions } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { MEASURES, type MeasureId } from './measures';
import { type SourceSeries } from '../sources/sourceSeries';
import { salesSeries } from '../sources/salesSource';
import { feedbackSeries, reviewSeries } from '../sources/rateSources';

export interface SeriesInput {
  readonly dates: Column;
  readonly a?: Column;
  readonly b?: Column;
}

/**
 * The columns MEASURE_SERIES's `dates`, `a` and `b` stand for, measure by measure (its docs say the same):
 * the one source series (core/sources) counts every measure, so MEASURE_SERIES, the source formulas and
 * the command line agree.
 */
function sourceOf(
  id: MeasureId,
  { dates, a, b }: SeriesInput,
): { kind: 'sales' | 'feedback' | 'reviews'; cols: Record<string, Column | undefined> } {
  const need = (col: Column | undefined, what: string): Column => col ?? fail(`${id} needs ${what}`);
  switch (id) {
    case 'nps':
      return { kind: 'feedback', cols: { date: dates, referral_score: need(a, 'referral scores') } };
    case 'csat':
      return { kind: 'feedback', cols: { date: dates, satisfaction: need(a, 'satisfaction ratings') } };
    case 'net_comparison':
      return { kind: 'feedback', cols: { date: dates, comparison: need(a, 'comparison answers') } };
    case 'review_response':
      return { kind: 'reviews', cols: { date: dates, stars: need(a, 'stars'), responded: need(b, 'whether each review was answered') } };
    case 'on_time':
      // dates are the delivery days and a the promised days; orders count in the period they were due.
      return { kind: 'sales', cols: { date: need(a, 'promised dates'), promised_date: a, delivered_date: dates } };
    case 'return_rate':
      return { kind: 'sales', cols: { date: dates, quantity: need(a, 'quantities sold'), returned: need(b, 'quantities returned') } };
    case 'revenue':
      return { kind: 'sales', cols: { date: dates, amount: need(a, 'the amounts') } };
    case 'margin':
      return b
        ? { kind: 'sales', cols: { date: dates, amount: need(a, 'the amounts'), cost: b } }
        : { kind: 'sales', cols: { date: dates, margin: need(a, 'the margins') } };
    case 'margin_pct':
      return { kind: 'sales', cols: { date: dates, amount: need(a, 'the amounts'), cost: need(b, 'the costs') } };
    case 'orders':
      return { kind: 'sales', cols: { date: dates, order_id: a } };
    case 'average_order_value':
      return { kind: 'sales', cols: { date: dates, amount: need(a, 'the amounts'), order_id: b } };
  }
}

/**
 * One measure per period, for the given periods (e.g. the scorecard's last 12 months): MEASURE_SERIES.
 * null where a period has nothing to measure (no answers, no orders due), 0 where a money sum is empty.
 * Rows without a date (title, totals and blank rows) are left out. A cell that cannot be read is an error.
 */
export function measureSeries(
  id: MeasureId,
  periods: readonly number[],
  spec: PeriodSpec,
  input: SeriesInput,
  opts: DateOptions,
): (number | null)[] {
  for (const col of [input.a, input.b]) if (col) sameLength(input.dates, col);
  if (!MEASURES.some((m) => m.id === id)) fail(`unknown measure ${id}`);
  const { kind, cols } = sourceOf(id, input);
  const series: SourceSeries =
    kind === 'sales'
      ? salesSeries(cols, undefined, {}, spec, opts)
      : kind === 'feedback'
        ? feedbackSeries(cols, undefined, {}, spec, opts)
        : reviewSeries(cols, undefined, {}, spec, opts);
  const row = series.measures.find((m) => m.id === id);
  if (row?.problem) fail(row.problem);
  return periods.map((p) => {
    const k = p - series.first;
    return row && k >= 0 && k < series.count ? row.values[k] : null;
  });
}
