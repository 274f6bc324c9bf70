import { keyAccounts } from '../../core/measures/keyAccounts';
import { defineFormula } from '../types';

export const KEY_ACCOUNTS = defineFormula({
  name: 'KEY_ACCOUNTS',
  params: [
    { name: 'customers', kind: 'range' },
    { name: 'revenue', kind: 'range' },
    { name: 'scores', kind: 'range', optional: true },
  ],
  run({ customers, revenue, scores }) {
    const out: (string | number | boolean | null)[][] = [
      ['Customer', 'Revenue', 'Share', 'Cumulative share', 'Tier', 'Suggested effort', 'At risk'],
    ];
    for (const a of keyAccounts(customers, revenue, scores))
      out.push([a.customer, a.revenue, a.share, a.cumulative, a.tier === 'net negative' ? 'Net negative' : a.tier, a.effort, a.atRisk]);
    return out;
  },
});
