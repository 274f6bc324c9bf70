import { wilsonInterval } from '../../core/stats/wilson';
import { normalQuantile } from '../../core/stats/normal';
import { defineFormula } from '../types';

/**
 * RATE_DETAIL(count, total, [confidence]): a rate with its sample size and how sure it is (DOMAIN.md,
 * "Sample size, uncertainty and signal"): k of n, k/n and the Wilson interval. No answers (total 0)
 * gives blanks for the rate and its interval, never 0.
 */
export const RATE_DETAIL = defineFormula({
  name: 'RATE_DETAIL',
  params: [
    {
      name: 'count',
      kind: 'number',
      integer: true,
      min: 0,
      hint: 'give how many of the total count (a whole number of at least 0), e.g. the orders delivered on time',
    },
    {
      name: 'total',
      kind: 'number',
      integer: true,
      min: (a) => a.count as number,
      hint: 'give the total the count is out of: a whole number no smaller than count, e.g. the orders due',
    },
    { name: 'confidence', kind: 'number', default: 0.95, min: 0.5, max: 0.9999, hint: 'give a level from 0.5 to 0.9999, e.g. 0.95' },
  ],
  run({ count, total, confidence }) {
    const ci = wilsonInterval(count, total, normalQuantile((1 + confidence) / 2));
    return [
      ['Count', 'Total', 'Rate', 'Low', 'High'],
      [count, total, ci ? count / total : null, ci ? ci.low : null, ci ? ci.high : null],
    ];
  },
});
