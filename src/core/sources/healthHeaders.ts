/**
 * Target health (DOMAIN.md *Target health*) over a sales ledger's counted sales (an order once, left-out rows
 * out), as the rows SALES_SERIES spills under its measures and the scorecard's panel shows: a header row,
 * then the team's row for each period. Partial periods say so and are never flagged; each flagged row has
 * one sentence a manager reads.
 */
export const HEALTH_HEADERS = [
  'Period',
  'Sales',
  'Share in last days',
  'Expected share',
  'Spike ratio',
  'Returned: last days',
  'Returned: rest',
  'Discount: last days',
  'Discount: rest',
  'Next start ratio',
  'Flags',
  'Finding',
] as const;
