import { type PeriodSpec, periodIndexer } from '../time/periods';
import { onTimeOrders, onTimeState } from '../measures/onTime';
import { type SalesLedger } from './salesLedger';
import { type PeriodSpan, slotsIn, spanOf } from './periodSpan';

/**
 * A ledger's measures per period (DOMAIN.md "Lag measures", "On time", "Quality (returns)"), each with
 * the count behind it. Arrays run over the span; a measure the data cannot give is null, with the reason
 * in `problems` when a column could not be read.
 */
export interface SalesPeriods extends PeriodSpan {
  /** Dated sale rows before the span's first period (left out). */
  readonly before: number;
  readonly revenue: Float64Array | null;
  readonly orders: Float64Array;
  /** Σ margin, or Σ (amount − cost). */
  readonly margin: Float64Array | null;
  /** Σ returned / Σ sold: by value (refunds against amounts) or by quantity (returned units against units sold). */
  readonly returns: { readonly num: Float64Array; readonly den: Float64Array; readonly basis: 'value' | 'quantity' } | null;
  /** Orders due in each period (by the promised day's period) and how many were on time. */
  readonly onTime: { readonly onTime: Float64Array; readonly due: Float64Array; readonly asOf: number } | null;
  readonly problems: Readonly<Partial<Record<SalesMeasure, string>>>;
}

export type SalesMeasure = 'revenue' | 'orders' | 'margin' | 'margin_pct' | 'average_order_value' | 'return_rate' | 'on_time';

/**
 * Groups a ledger by period. `start` (a period index) fixes the first period so that several sources'
 * series line up; `asOf` (a day) overrides the on-time "as of" day.
 */
export function salesPeriods(ledger: SalesLedger, spec: PeriodSpec, start?: number, asOf?: number): SalesPeriods {
  // Return rows count in their own period (a refund dated after the sale), so the span covers them too;
  // their amount, cost and margin are 0 in the ledger, so sums over the slots count sales only.
  let counted = ledger.sale;
  if (ledger.returnRows > 0) {
    counted = new Uint8Array(ledger.n);
    for (let i = 0; i < ledger.n; i++) counted[i] = ledger.sale[i] | ledger.returnRow[i];
  }
  const span = spanOf(ledger.day, counted, spec, start);
  const slot = slotsIn(ledger.day, counted, span);
  const k = span.count;
  const v = ledger.values;
  const problems: Partial<Record<SalesMeasure, string>> = {};
  const sum = (col: Float64Array | null): Float64Array | null => {
    if (!col) return null;
    const out = new Float64Array(k);
    for (let i = 0; i < slot.length; i++) if (slot[i] >= 0) out[slot[i]] += col[i];
    return out;
  };

  const revenue = sum(v.amount);
  const amountProblem = ledger.problems.amount;
  if (amountProblem) for (const m of ['revenue', 'margin', 'margin_pct', 'average_order_value'] as const) problems[m] = amountProblem;

  // Orders in the period of their first sale row.
  const orders = new Float64Array(k);
  for (let o = 0; o < ledger.orders; o++) {
    const s = slot[ledger.orderFirst[o]];
    if (s >= 0) orders[s]++;
  }

  let margin: Float64Array | null = null;
  if (v.margin) margin = sum(v.margin);
  else if (revenue && v.cost) {
    margin = new Float64Array(k);
    for (let i = 0; i < slot.length; i++) if (slot[i] >= 0) margin[slot[i]] += v.amount![i] - v.cost[i];
  }
  const marginProblem = ledger.problems.margin ?? (v.margin ? undefined : ledger.problems.cost);
  if (marginProblem && !margin) problems.margin = problems.margin_pct = marginProblem;

  let returns: SalesPeriods['returns'] = null;
  if (v.refunded && v.amount) {
    returns = { num: sum(v.refunded)!, den: revenue!, basis: 'value' };
  } else if (v.returned && v.quantity) {
    returns = { num: sum(v.returned)!, den: sum(v.quantity)!, basis: 'quantity' };
  } else if (v.returned && v.amount) {
    returns = { num: sum(v.returned)!, den: revenue!, basis: 'value' };
  } else {
    const why = ledger.problems.refunded ?? ledger.problems.returned ?? ledger.problems.quantity;
    if (why) problems.return_rate = why;
  }

  let onTime: SalesPeriods['onTime'] = null;
  if (ledger.promised && ledger.delivered) {
    const o = onTimeOrders(ledger.promised, ledger.delivered, ledger.sale, ledger.order, ledger.orders);
    const day = asOf ?? o.latest;
    const on = new Float64Array(k);
    const due = new Float64Array(k);
    const of = periodIndexer(spec);
    for (let q = 0; q < o.promised.length; q++) {
      const state = onTimeState(o.promised[q], o.delivered[q], day);
      if (state === 0) continue;
      const s = of(o.promised[q]) - span.first;
      if (s < 0 || s >= k) continue;
      due[s]++;
      if (state === 2) on[s]++;
    }
    onTime = { onTime: on, due, asOf: day };
  } else {
    const why = ledger.problems.promised_date ?? ledger.problems.delivered_date;
    if (why) problems.on_time = why;
  }

  return { ...span, revenue, orders, margin, returns, onTime, problems };
}

/** One measure's value per period from the grouped sums (null: nothing to measure there, or not measurable). */
export function salesValues(p: SalesPeriods, m: SalesMeasure): (number | null)[] | null {
  const k = p.count;
  const out = new Array<number | null>(k);
  switch (m) {
    case 'revenue':
      if (!p.revenue) return null;
      for (let i = 0; i < k; i++) out[i] = p.revenue[i];
      return out;
    case 'orders':
      for (let i = 0; i < k; i++) out[i] = p.orders[i];
      return out;
    case 'margin':
      if (!p.margin) return null;
      for (let i = 0; i < k; i++) out[i] = p.margin[i];
      return out;
    case 'margin_pct':
      if (!p.margin || !p.revenue) return null;
      for (let i = 0; i < k; i++) out[i] = p.revenue[i] === 0 ? null : p.margin[i] / p.revenue[i];
      return out;
    case 'average_order_value':
      if (!p.revenue) return null;
      for (let i = 0; i < k; i++) out[i] = p.orders[i] === 0 ? null : p.revenue[i] / p.orders[i];
      return out;
    case 'return_rate':
      if (!p.returns) return null;
      for (let i = 0; i < k; i++) out[i] = p.returns.den[i] === 0 ? null : p.returns.num[i] / p.returns.den[i];
      return out;
    case 'on_time':
      if (!p.onTime) return null;
      for (let i = 0; i < k; i++) out[i] = p.onTime.due[i] === 0 ? null : p.onTime.onTime[i] / p.onTime.due[i];
      return out;
  }
}

/** The count behind each period's value: orders for money, due orders for on time, units or value sold for returns. */
export function salesCounts(p: SalesPeriods, m: SalesMeasure): Float64Array | null {
  switch (m) {
    case 'return_rate':
      return p.returns?.den ?? null;
    case 'on_time':
      return p.onTime?.due ?? null;
    default:
      return p.orders;
  }
}
