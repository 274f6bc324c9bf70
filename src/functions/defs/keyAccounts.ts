import { toColumn } from '../../core/values/column';
import { keyAccounts } from '../../core/measures/keyAccounts';
import { defineFormula } from '../types';
import { required } from '../args';

export const KEY_ACCOUNTS = defineFormula({
  name: 'KEY_ACCOUNTS',
  summary:
    'Revenue by customer from largest, with tiers: A for the customers that make up the first 80% of revenue, B to 95%, ' +
    'C for the rest. Effort is suggested in proportion to revenue. A or B customers whose latest referral score is ' +
    '6 or less, or who said we are worse than others, are flagged at risk.',
  args: [
    { name: 'customers', type: 'range', help: 'The customer of each sale.' },
    { name: 'revenue', type: 'range', help: 'The revenue of each sale, same size.' },
    {
      name: 'scores',
      type: 'range',
      help: "Optional: each row's referral score (0–10) or better/same/worse answer; the last one per customer counts.",
    },
  ],
  returns: 'A table: Customer, Revenue, Share, Cumulative share, Tier, Suggested effort, At risk.',
  example: '=KEY_ACCOUNTS(C2:C5000, E2:E5000)',
  run([customers, revenue, scores]) {
    const list = keyAccounts(
      toColumn(required(customers, 'customers'), 'customers', true),
      toColumn(required(revenue, 'revenue'), 'revenue', true),
      scores === undefined || scores === '' ? undefined : toColumn(scores, 'scores', true),
    );
    const out: (string | number | boolean)[][] = [
      ['Customer', 'Revenue', 'Share', 'Cumulative share', 'Tier', 'Suggested effort', 'At risk'],
    ];
    for (const a of list) out.push([a.customer, a.revenue, a.share, a.cumulative, a.tier, a.effort, a.atRisk]);
    return out;
  },
});
