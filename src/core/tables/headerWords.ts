import { type Role } from './roles';

/**
 * What a column's header says about its role, from English words. Each rule gives a strength:
 * 1 for a phrase that settles it ("net sales", "order date"), less for a vague word ("total",
 * "date" beside other words) that values must confirm. `unless` stops a word where a neighbour
 * changes its meaning: "Sales Rep" is not sales, "Returned Qty" is not the quantity sold.
 */
interface Rule {
  readonly role: Role;
  readonly re: RegExp;
  readonly strength: number;
  /** What the reason says instead of quoting the words found, e.g. "is an open question". */
  readonly says?: string;
  readonly unless?: RegExp;
}

export interface HeaderMatch {
  readonly strength: number;
  /** For the reason: 'mentions "net sales"'. */
  readonly says: string;
}

const OPEN_QUESTION = /^(what|why|which|please|anything|is there|how could|how can|how would|how might|if you)\b/;
const PERSON = /\b(rep|reps|representative|person|salesman|saleswoman|manager|owner|team|agent|exec|executive)\b/;

// DOMAIN.md: discount, tax, shipping, refund and quantity columns are never the amount of a sale.
const AMOUNT_UNLESS =
  /\b(rep|reps|representative|person|man|woman|manager|owner|team|channel|region|date|qty|quantity|units|count|id|no|number|cost|costs|margin|profit|due|discount|discounts|tax|taxes|vat|gst|shipping|delivery|postage|freight|refund|refunded|refunds|fee|fees|tip|tips|status)\b/;

const RULES: readonly Rule[] = [
  { role: 'date', re: /^(date|day|timestamp|time stamp|when|date time|datetime)$/, strength: 1 },
  {
    role: 'date',
    re: /\b(order|invoice|sale|sales|transaction|purchase|booking|review|survey|response|submission|entry|visit|posting|doc(?:ument)?) (date|day|time|timestamp)\b/,
    strength: 1,
  },
  { role: 'date', re: /\btimestamp\b/, strength: 1 },
  { role: 'date', re: /\b(created|submitted|posted|ordered|placed)( (on|at|date))?$/, strength: 0.8 },
  // A survey export's response time beats when the respondent started or last stopped ("End Date", "Submit
  // Date (UTC)" over "Start Date", "Stage Date"): the answer counts when it was given.
  { role: 'date', re: /\b(end|submit|submitted|completed|finished|recorded) (date|time|timestamp)\b/, strength: 0.9 },
  { role: 'date', re: /\b(date|time|day)\b/, strength: 0.6 },

  {
    role: 'order_id',
    re: /\b(order|invoice|transaction|sales order|so|po|purchase order|receipt|booking|doc(?:ument)?)s? ?(id|no|num|number|ref|reference|code)\b/,
    strength: 1,
  },
  { role: 'order_id', re: /^(order|invoice|ref|reference|id|no|number)$/, strength: 0.6 },

  {
    role: 'customer',
    re: /\b(customer|customers|client|clients|account|company|buyer|organisation|organization|business|firm|shop|store|trade name)\b/,
    strength: 1,
    unless: PERSON,
  },
  { role: 'customer', re: /^(name|customer name|bill to|sold to|ship to name)$/, strength: 0.5 },

  {
    role: 'rep',
    re: /\b(rep|reps|sales rep|representative|salesperson|sales person|salesman|saleswoman|seller|account manager|account owner|owner|agent|sales exec|executive|assigned to|handled by)\b/,
    strength: 1,
  },

  {
    role: 'amount',
    re: /\b(net sales|sales amount|sales value|total sales|revenue|revenues|amount|turnover|order value|order total|invoice total|invoice amount|line total|net amount)\b/,
    strength: 1,
    unless: AMOUNT_UNLESS,
  },
  // Revenue is what was sold after discounts: net beats gross when a sheet has both.
  { role: 'amount', re: /\b(gross sales|gross amount|sales)\b/, strength: 0.9, unless: AMOUNT_UNLESS },
  {
    role: 'amount',
    re: /\b(total|value|price|income|net|gross|paid|payment|spend)\b/,
    strength: 0.6,
    unless:
      /\b(qty|quantity|units|count|cost|costs|margin|profit|score|rating|stars|date|returned|returns|discount|discounts|tax|taxes|vat|gst|shipping|delivery|postage|freight|refund|refunded|refunds|fee|fees|tip|tips|status)\b/,
  },

  // Money off the price (or its rate): never the amount (DOMAIN.md); target health reads it.
  {
    role: 'discount',
    re: /\b(discount|discounts|markdown|money off|rebate)\b/,
    strength: 1,
    unless: /\b(code|codes|reason|type|name|date|id)\b/,
  },

  {
    role: 'cost',
    re: /\b(cost|costs|cogs|cost of goods|cost of sales|expense|expenses|purchase price|buy price|buying price)\b/,
    strength: 1,
    unless: /\b(delivery|shipping) (cost|costs)\b/,
  },

  { role: 'margin', re: /\b(margin|profit|gross profit|gp|contribution)\b/, strength: 1 },

  {
    role: 'quantity',
    re: /\b(qty|quantity|quantities|units|unit count|pcs|pieces|items|volume)\b/,
    strength: 1,
    unless: /\b(return|returns|returned|refund|refunded)\b/,
  },
  { role: 'quantity', re: /\bcount\b/, strength: 0.6, unless: /\b(return|returns|returned|refund|refunded)\b/ },

  {
    role: 'returned',
    re: /\b(returned|returns|return|refund|refunded|refunds|rma)\b/,
    strength: 1,
    unless: /\b(date|time|reason|address|policy|amount|value|total|sum)\b/,
  },
  // Money given back is a return by value (DOMAIN.md "Lag measures"): "Refunded Amount", "Amount Refunded".
  { role: 'refunded', re: /\b(refund|refunded|refunds|returned|return|returns|credit note|credit notes)\b/, strength: 0.6 },
  {
    role: 'refunded',
    re: /\b((refund|refunded|refunds|returned|return|returns) (amount|value|total|sum)|amount (refunded|returned))\b/,
    strength: 1,
  },
  {
    role: 'discount',
    re: /\b(discount|discounts|discounted|markdown|rebate|reduction)\b/,
    strength: 1,
    unless: /\b(code|codes|name|type|reason)\b/,
  },
  {
    role: 'status',
    re: /\b(status|state|financial status|payment status|order status|fulfil?lment status|stage)\b/,
    strength: 1,
    unless: /\b(date|time|code|id|no|number)\b/,
  },

  {
    role: 'promised_date',
    re: /\b(promised|promise|required by|requested|expected|target date|eta|committed|deadline|sla)\b/,
    strength: 1,
    unless: /\b(amount|balance|total|value|price)\b/,
  },
  { role: 'promised_date', re: /\bdue\b/, strength: 0.9, unless: /\b(amount|balance|total|value|price|sum)\b/ },

  {
    role: 'delivered_date',
    re: /\b(delivered|delivery date|delivery|shipped|ship date|shipping date|dispatched|dispatch|fulfilled|received|arrived)\b/,
    strength: 1,
    unless:
      /\b(promised|expected|due|requested|target|planned|estimated|eta|required|address|method|fee|cost|costs|charge|status|note|notes|instructions)\b/,
  },

  { role: 'referral_score', re: /\b(recommend|recommendation|refer|referral|nps|net promoter|likelihood)/, strength: 1 },
  { role: 'referral_score', re: /\blikely\b/, strength: 0.7 },
  { role: 'referral_score', re: /^score$/, strength: 0.6 },

  { role: 'satisfaction', re: /\b(satisf|csat|unsatisf|dissatisf)/, strength: 1, unless: OPEN_QUESTION },
  { role: 'satisfaction', re: /\b(satisf|csat)/, strength: 0.4 },
  // "How would you rate your purchase?": a survey's rating question (Typeform's opinion scale), not review stars.
  {
    role: 'satisfaction',
    re: /\bhow (would|do|did) you rate\b|\brate (your|our|the|us)\b/,
    strength: 0.9,
    unless: /\b(recommend|likely)\b/,
  },

  {
    role: 'comparison',
    re: /\b(compared|compare|comparison|versus|vs|than others|than competitors|competitor|competitors|competition|better|worse|about the same)\b/,
    strength: 1,
  },

  {
    role: 'comment',
    re: /\b(comment|comments|feedback|review|reviews|review text|remark|remarks|notes|note|suggestion|suggestions|verbatim|open text|reason|reasons|explain|tell us|anything else|improve|improvement)\b/,
    strength: 1,
    unless: /\b(date|time|star|stars|rating|score|id|no|number|count)\b/,
  },
  { role: 'comment', re: OPEN_QUESTION, strength: 0.8, says: 'is an open question' },
  { role: 'comment', re: /\b(dissatisf|unhappy|disappoint)/, strength: 0.7 },

  { role: 'role', re: /\b(role|job title|job role|job|position|respondent type|persona)\b/, strength: 1 },
  { role: 'role', re: /\b(title|department|function)\b/, strength: 0.6 },

  { role: 'stars', re: /\b(stars|star|star rating)\b/, strength: 1 },
  { role: 'stars', re: /\b(rating|rated)\b/, strength: 0.7, unless: /\b(satisf|recommend)/ },
  { role: 'stars', re: /^score$/, strength: 0.4 },

  {
    role: 'responded',
    re: /\b(responded|response|responses|replied|reply|replies|answered|owner response|our reply)\b/,
    strength: 1,
    unless: /\b(date|time|rate|score|id|no|number|survey)\b/,
  },
];

/** Lower case words only: "Order #" → "order no", "Net Sales (£)" → "net sales". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The strongest rule for each role that the header triggers. */
export function headerMatches(header: string): Map<Role, HeaderMatch> {
  const text = normaliseHeader(header);
  const out = new Map<Role, HeaderMatch>();
  if (text === '') return out;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m || rule.unless?.test(text)) continue;
    const had = out.get(rule.role);
    if (!had || had.strength < rule.strength) {
      // Quote whole words: "satisf" matched in "satisfied" reads as "satisfied".
      const end = text.indexOf(' ', m.index + Math.max(1, m[0].length));
      const words = text.slice(m.index, end < 0 ? text.length : end).trim();
      out.set(rule.role, { strength: rule.strength, says: rule.says ?? `mentions "${words}"` });
    }
  }
  return out;
}
