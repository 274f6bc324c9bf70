import { type MeasureId, type Source } from './measures';

/**
 * Which columns feed each measure (column roles as found by core/tables): the `dates`, `a` and `b`
 * arguments of MEASURE_SERIES. The first binding whose roles are all present wins, so margin reads a
 * margin column when there is one and amount − cost otherwise.
 */
export interface Binding {
  readonly source: Source;
  readonly dates: string;
  readonly a?: string;
  readonly b?: string;
}

const OPTIONS: Record<MeasureId, Binding[]> = {
  nps: [{ source: 'feedback', dates: 'date', a: 'referral_score' }],
  csat: [{ source: 'feedback', dates: 'date', a: 'satisfaction' }],
  net_comparison: [{ source: 'feedback', dates: 'date', a: 'comparison' }],
  on_time: [{ source: 'sales', dates: 'delivered_date', a: 'promised_date' }],
  return_rate: [
    // Money given back against the sales (DOMAIN.md: refunds are returns by value), as the sales ledger counts it.
    { source: 'sales', dates: 'date', a: 'amount', b: 'refunded' },
    { source: 'sales', dates: 'date', a: 'quantity', b: 'returned' },
    { source: 'sales', dates: 'date', a: 'amount', b: 'returned' },
  ],
  review_response: [{ source: 'reviews', dates: 'date', a: 'stars', b: 'responded' }],
  revenue: [{ source: 'sales', dates: 'date', a: 'amount' }],
  margin: [
    { source: 'sales', dates: 'date', a: 'margin' },
    { source: 'sales', dates: 'date', a: 'amount', b: 'cost' },
  ],
  margin_pct: [{ source: 'sales', dates: 'date', a: 'amount', b: 'cost' }],
  orders: [
    { source: 'sales', dates: 'date', a: 'order_id' },
    { source: 'sales', dates: 'date' },
  ],
  average_order_value: [
    { source: 'sales', dates: 'date', a: 'amount', b: 'order_id' },
    { source: 'sales', dates: 'date', a: 'amount' },
  ],
};

export function bindMeasure(id: MeasureId, roles: Partial<Record<Source, ReadonlySet<string>>>): Binding | null {
  for (const b of OPTIONS[id]) {
    const have = roles[b.source];
    if (have && have.has(b.dates) && (!b.a || have.has(b.a)) && (!b.b || have.has(b.b))) return b;
  }
  return null;
}

/** The column roles a measure reads at the least (its simplest binding), for "needs ..." messages. */
export function measureNeeds(id: MeasureId): string[] {
  const options = OPTIONS[id];
  const b = options[options.length - 1];
  return [b.dates, b.a, b.b].filter((r): r is string => r !== undefined);
}
