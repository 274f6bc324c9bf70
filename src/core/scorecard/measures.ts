/**
 * The scorecard's measures: which are lead (customer) and which lag (money), what data each needs,
 * how it is labelled, and which direction is good. One list, used by the sheet builder, the
 * MEASURE_SERIES formula and the command line alike.
 */
export type MeasureId =
  | 'nps' | 'csat' | 'net_comparison' | 'on_time' | 'return_rate' | 'review_response'
  | 'revenue' | 'margin' | 'margin_pct' | 'orders' | 'average_order_value';

export type Source = 'sales' | 'feedback' | 'reviews';

export interface MeasureInfo {
  readonly id: MeasureId;
  readonly kind: 'lead' | 'lag';
  readonly label: string;
  readonly source: Source;
  /** Which direction is good: a return rate should go down. */
  readonly better: 'higher' | 'lower';
  /** Sheets number format of its cells. */
  readonly format: string;
  /** What MEASURE_SERIES's dates, a, b arguments hold for this measure. */
  readonly args: { dates: string; a?: string; b?: string };
}

export const MEASURES: readonly MeasureInfo[] = [
  { id: 'nps', kind: 'lead', label: 'Referral score (NPS)', source: 'feedback', better: 'higher', format: '0', args: { dates: 'answer dates', a: 'referral scores (0–10)' } },
  { id: 'csat', kind: 'lead', label: 'Satisfaction (CSAT)', source: 'feedback', better: 'higher', format: '0%', args: { dates: 'answer dates', a: 'satisfaction ratings (1–5 or labels)' } },
  { id: 'net_comparison', kind: 'lead', label: 'How we compare (better − worse)', source: 'feedback', better: 'higher', format: '0%', args: { dates: 'answer dates', a: 'better / same / worse answers' } },
  { id: 'on_time', kind: 'lead', label: 'Delivered on time', source: 'sales', better: 'higher', format: '0%', args: { dates: 'delivery dates', a: 'promised dates' } },
  { id: 'return_rate', kind: 'lead', label: 'Returns (quality)', source: 'sales', better: 'lower', format: '0.0%', args: { dates: 'order dates', a: 'quantities sold', b: 'quantities returned' } },
  { id: 'review_response', kind: 'lead', label: 'Unhappy reviews answered', source: 'reviews', better: 'higher', format: '0%', args: { dates: 'review dates', a: 'stars', b: 'responded' } },
  { id: 'revenue', kind: 'lag', label: 'Revenue', source: 'sales', better: 'higher', format: '#,##0', args: { dates: 'order dates', a: 'amounts' } },
  { id: 'margin', kind: 'lag', label: 'Margin', source: 'sales', better: 'higher', format: '#,##0', args: { dates: 'order dates', a: 'amounts (or margins)', b: 'costs (leave out when a holds margins)' } },
  { id: 'margin_pct', kind: 'lag', label: 'Margin %', source: 'sales', better: 'higher', format: '0.0%', args: { dates: 'order dates', a: 'amounts', b: 'costs' } },
  { id: 'orders', kind: 'lag', label: 'Orders', source: 'sales', better: 'higher', format: '#,##0', args: { dates: 'order dates', a: 'order ids (optional: without them each row is an order)' } },
  { id: 'average_order_value', kind: 'lag', label: 'Average order value', source: 'sales', better: 'higher', format: '#,##0.00', args: { dates: 'order dates', a: 'amounts', b: 'order ids (optional)' } },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function measureInfo(id: string): MeasureInfo | undefined {
  return BY_ID.get(id.trim().toLowerCase() as MeasureId);
}

export const MEASURE_IDS = MEASURES.map((m) => m.id);
