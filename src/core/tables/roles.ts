/**
 * What a column can mean to the scorecard. Lag measures read date, order_id, amount, cost, margin;
 * lead measures read the rest (DOMAIN.md).
 */
export const ROLES = [
  'date',
  'order_id',
  'customer',
  'rep',
  'amount',
  'cost',
  'margin',
  'discount',
  'quantity',
  'returned',
  'refunded',
  'status',
  'promised_date',
  'delivered_date',
  'referral_score',
  'satisfaction',
  'comparison',
  'comment',
  'role',
  'stars',
  'responded',
] as const;

export type Role = (typeof ROLES)[number];

/** How the wizard names each role to a manager. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  date: 'Date (order, invoice or answer date)',
  order_id: 'Order or invoice number',
  customer: 'Customer',
  rep: 'Sales rep or owner',
  amount: 'Sales amount (revenue)',
  cost: 'Cost',
  margin: 'Margin or profit',
  discount: 'Discount (money off, or a rate)',
  quantity: 'Quantity (units)',
  returned: 'Returned (units or yes/no)',
  refunded: 'Refunded (amount given back)',
  status: 'Status (order, payment or response status)',
  promised_date: 'Promised or due date',
  delivered_date: 'Delivered or shipped date',
  referral_score: 'Referral score (0 to 10: how likely to recommend us)',
  satisfaction: 'Satisfaction (1 to 5 or Very satisfied … Very dissatisfied)',
  comparison: 'Compared with others (better / same / worse)',
  comment: 'Comment (free text)',
  role: "Respondent's role or job title",
  stars: 'Review stars (1 to 5)',
  responded: 'Responded to the review (yes/no or reply text)',
};

/** Roles that several columns may share: a survey has several open questions. */
export const MULTI_COLUMN_ROLES: ReadonlySet<Role> = new Set<Role>(['comment']);

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}
