import { documentFormula } from '../types';
import { KEY_ACCOUNTS } from './keyAccounts';

export const KEY_ACCOUNTS_DOCS = documentFormula(KEY_ACCOUNTS, {
  summary:
    'Revenue by customer from largest, with tiers: A for the customers that make up the first 80% of ' +
    'revenue, B to 95%, C for the rest; customers with equal revenue share a tier. Effort is suggested in ' +
    'proportion to revenue. A or B customers whose latest referral score is 6 or less, or who said we are ' +
    'worse than others, are flagged at risk. Returns and credits (negative amounts) are netted per customer; ' +
    'a customer whose net revenue is negative is listed last as "Net negative", outside the shares and tiers.',
  returns:
    'A table: Customer, Revenue, Share, Cumulative share, Tier, Suggested effort, At risk (share, cumulative ' +
    'share and effort blank for a net negative customer).',
  example: '=KEY_ACCOUNTS(C2:C5000, E2:E5000)',
  args: {
    customers: 'The customer of each sale.',
    revenue: 'The revenue of each sale, same size; returns and credit notes as negative amounts.',
    scores: "Optional: each row's referral score (0–10) or better/same/worse answer; the last one per customer " + 'counts.',
  },
});
