import { documentFormula } from '../types';
import { KEY_ACCOUNTS } from './keyAccounts';

export const KEY_ACCOUNTS_DOCS = documentFormula(KEY_ACCOUNTS, {
  summary:
    'Revenue by customer from largest, with tiers: A for the customers that make up the first 80% of ' +
    'revenue, B to 95%, C for the rest. Effort is suggested in proportion to revenue. A or B customers ' +
    'whose latest referral score is 6 or less, or who said we are worse than others, are flagged at risk.',
  returns: 'A table: Customer, Revenue, Share, Cumulative share, Tier, Suggested effort, At risk.',
  example: '=KEY_ACCOUNTS(C2:C5000, E2:E5000)',
  args: {
    customers: 'The customer of each sale.',
    revenue: 'The revenue of each sale, same size.',
    scores: "Optional: each row's referral score (0–10) or better/same/worse answer; the last one per customer " + 'counts.',
  },
});
