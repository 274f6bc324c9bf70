/** The key-account plan's columns as KEY_ACCOUNT_PLAN writes them (after Customer), and the plan sheet lays them out. */
export const PLAN_HEADERS = [
  'Rank',
  'Tier',
  'Revenue',
  'Revenue share',
  'Attention',
  'Attention share',
  'Attention ÷ revenue share',
  'Attention against share',
  'At risk',
  'Why at risk',
  'Revenue, last 3 against the 3 before',
  'Last answer',
  'Latest comment',
] as const;
