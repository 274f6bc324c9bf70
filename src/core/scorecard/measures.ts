/**
 * The scorecard's measures: which are lead (customer) and which lag (money), what data each needs,
 * how it is labelled, and which direction is good. One list, used by the sheet builder, the
 * MEASURE_SERIES formula and the command line alike.
 */
export type MeasureId =
  | 'nps'
  | 'csat'
  | 'net_comparison'
  | 'on_time'
  | 'return_rate'
  | 'review_response'
  | 'revenue'
  | 'margin'
  | 'margin_pct'
  | 'orders'
  | 'average_order_value';

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
  /** How a reading names it mid-sentence ("revenue follows on-time delivery 2 periods later"). */
  readonly phrase: string;
  /** Whether the phrase takes a plural verb: "orders follow", "revenue follows". */
  readonly plural: boolean;
}

export const MEASURES: readonly MeasureInfo[] = [
  {
    id: 'nps',
    kind: 'lead',
    label: 'Referral score (NPS)',
    source: 'feedback',
    better: 'higher',
    format: '0',
    phrase: 'the referral score (NPS)',
    plural: false,
  },
  {
    id: 'csat',
    kind: 'lead',
    label: 'Satisfaction (CSAT)',
    source: 'feedback',
    better: 'higher',
    format: '0%',
    phrase: 'satisfaction (CSAT)',
    plural: false,
  },
  {
    id: 'net_comparison',
    kind: 'lead',
    label: 'How we compare (better − worse)',
    source: 'feedback',
    better: 'higher',
    format: '0%',
    phrase: 'how we compare (better − worse)',
    plural: false,
  },
  {
    id: 'on_time',
    kind: 'lead',
    label: 'Delivered on time',
    source: 'sales',
    better: 'higher',
    format: '0%',
    phrase: 'on-time delivery',
    plural: false,
  },
  {
    id: 'return_rate',
    kind: 'lead',
    label: 'Returns (quality)',
    source: 'sales',
    better: 'lower',
    format: '0.0%',
    phrase: 'returns',
    plural: true,
  },
  {
    id: 'review_response',
    kind: 'lead',
    label: 'Unhappy reviews answered',
    source: 'reviews',
    better: 'higher',
    format: '0%',
    phrase: 'answering unhappy reviews',
    plural: false,
  },
  { id: 'revenue', kind: 'lag', label: 'Revenue', source: 'sales', better: 'higher', format: '#,##0', phrase: 'revenue', plural: false },
  { id: 'margin', kind: 'lag', label: 'Margin', source: 'sales', better: 'higher', format: '#,##0', phrase: 'margin', plural: false },
  {
    id: 'margin_pct',
    kind: 'lag',
    label: 'Margin %',
    source: 'sales',
    better: 'higher',
    format: '0.0%',
    phrase: 'margin %',
    plural: false,
  },
  { id: 'orders', kind: 'lag', label: 'Orders', source: 'sales', better: 'higher', format: '#,##0', phrase: 'orders', plural: true },
  {
    id: 'average_order_value',
    kind: 'lag',
    label: 'Average order value',
    source: 'sales',
    better: 'higher',
    format: '#,##0.00',
    phrase: 'average order value',
    plural: false,
  },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function measureInfo(id: string): MeasureInfo | undefined {
  return BY_ID.get(id.trim().toLowerCase() as MeasureId);
}

export const MEASURE_IDS = MEASURES.map((m) => m.id);
