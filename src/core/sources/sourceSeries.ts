import { type Column } from '../values/column';
import { type Cell } from '../values/cell';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { type MeasureId, type Source } from '../scorecard/measures';
import { type SourceRules } from './rules';
import { type PeriodSpan } from './periodSpan';
import { type SalesLedger, salesLedger } from './salesLedger';
import { healthRows } from './healthSection';
import { type SalesMeasure, salesCounts, salesPeriods, salesValues } from './salesSeries';
import { type RatePeriods, feedbackPeriods, reviewPeriods } from './feedbackSeries';

/**
 * Every measure one source table gives, per period over one span, with the count behind each value:
 * what the source formulas (SALES_SERIES, FEEDBACK_SERIES, REVIEWS_SERIES) spill into the scorecard's
 * data sheet and what the command line prints. One call per source reads each column once.
 */
export interface MeasureRow {
  readonly id: MeasureId;
  /** One value per period of the span; null where there is nothing to measure. */
  readonly values: readonly (number | null)[];
  /** The count behind each value (answers, due orders, orders, units or value sold); null where none. */
  readonly counts: readonly (number | null)[];
  /** For rates: how many of the count were "hits" (promoters − detractors for NPS), for intervals. */
  readonly hits: readonly (number | null)[] | null;
  /** Why the measure could not be counted (a cell that cannot be read), or null. */
  readonly problem: string | null;
}

export interface SourceSeries extends PeriodSpan {
  readonly source: Source;
  readonly measures: readonly MeasureRow[];
  /** Rows with a date (sales lines, responses, reviews), left-out ones included. */
  readonly dated: number;
  /** Dated rows before the span's first period, left out (rebuild the scorecard to include them). */
  readonly before: number;
  /** Rows the leave-out rules took out, with why (the first of them). */
  readonly leftOut: readonly { readonly index: number; readonly reason: string }[];
  readonly leftOutCount: number;
  /** How amounts were counted (sales): 'order' counts an order's amount once. */
  readonly amounts?: 'line' | 'order';
  /** What the return rate counts (sales): refunds against amounts, or returned units against units sold. */
  readonly returnBasis?: 'value' | 'quantity';
  /** The sales ledger the series were counted from (sales only): target health per rep reads it too. */
  readonly ledger?: SalesLedger;
  /** Target health per period (sales, when asked for): healthSection.ts's rows. */
  readonly health?: readonly (readonly (string | number | null)[])[];
}

/** A source's columns by role (core/tables/roles.ts), and the filter columns its leave-out rules read. */
export type RoleColumns = Readonly<Partial<Record<string, Column>>>;
export type FilterColumns = readonly (Column | undefined)[] | undefined;

const SALES_MEASURES: readonly SalesMeasure[] = [
  'on_time',
  'return_rate',
  'revenue',
  'margin',
  'margin_pct',
  'orders',
  'average_order_value',
];

function datedRows(days: Float64Array): number {
  let n = 0;
  for (let i = 0; i < days.length; i++) if (days[i] === days[i]) n++;
  return n;
}

function blankRow(id: MeasureId, count: number, problem: string): MeasureRow {
  const none = new Array<null>(count).fill(null);
  return { id, values: none, counts: none, hits: null, problem };
}

function rateRow(id: MeasureId, r: RatePeriods, scale = 1): MeasureRow {
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

/** The sales measures the columns allow (money, orders, returns, on time). */
export function salesSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  asOf?: number,
  health?: { readonly spec: PeriodSpec; readonly lastDays: number; readonly targets?: readonly (readonly Cell[])[] | null },
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
    ...(health ? { health: healthRows(ledger, health.spec, health.lastDays, health.targets) } : {}),
  };
}

/** NPS, CSAT and net comparison per period (survey answers). */
export function feedbackSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  scale = 5,
  topBox = 2,
): SourceSeries {
  const date = cols.date;
  if (!date) throw new Error('feedbackSeries needs the date column');
  const f = feedbackPeriods(
    { date, referral_score: cols.referral_score, satisfaction: cols.satisfaction, comparison: cols.comparison, filters },
    rules,
    spec,
    opts,
    start,
    scale,
    topBox,
  );
  const measures: MeasureRow[] = [];
  const add = (id: MeasureId, r: RatePeriods | null, scale: number) => {
    const problem = f.problems[id as 'nps'];
    if (r) measures.push(rateRow(id, r, scale));
    else if (problem) measures.push(blankRow(id, f.count, problem));
  };
  add('nps', f.nps, 100);
  add('csat', f.csat, 1);
  add('net_comparison', f.comparison, 1);
  return {
    source: 'feedback',
    spec,
    first: f.first,
    count: f.count,
    dated: datedRows(cachedDayColumn(date, opts)),
    before: f.before,
    measures,
    leftOut: f.leftOut,
    leftOutCount: f.leftOutCount,
  };
}

/** Review response per period. */
export function reviewSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  lowMax = 2,
): SourceSeries {
  const date = cols.date;
  const stars = cols.stars;
  if (!date || !stars) throw new Error('reviewSeries needs the date and stars columns');
  const r = reviewPeriods({ date, stars, responded: cols.responded, filters }, rules, spec, opts, start, lowMax);
  const measures: MeasureRow[] = [];
  if (r.response) measures.push(rateRow('review_response', r.response));
  else if (r.problems.review_response) measures.push(blankRow('review_response', r.count, r.problems.review_response));
  return {
    source: 'reviews',
    spec,
    first: r.first,
    count: r.count,
    dated: datedRows(cachedDayColumn(date, opts)),
    before: r.before,
    measures,
    leftOut: r.leftOut,
    leftOutCount: r.leftOutCount,
  };
}
