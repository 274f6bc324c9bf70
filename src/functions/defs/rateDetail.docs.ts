import { documentFormula } from '../types';
import { RATE_DETAIL } from './rateDetail';

export const RATE_DETAIL_DOCS = documentFormula(RATE_DETAIL, {
  summary:
    'A rate with its sample size and how sure it is: count of total, the rate, and its Wilson confidence ' +
    'interval (which stays within 0 to 1, also for 0 of 10 or 10 of 10). Under 30 answers the interval is ' +
    'wide: read the rate as "few answers". Use it beside any share, e.g. orders on time of orders due.',
  returns: 'A table with one row: Count, Total, Rate, Low, High (blank rate and interval when total is 0).',
  example: '=RATE_DETAIL(COUNTIF(F2:F900, TRUE), COUNTA(F2:F900), 0.95)',
  args: {
    count: 'How many of the total: the answers that count (on time, satisfied, answered, returned).',
    total: 'What the count is out of: all answers, orders due, reviews, units sold.',
    confidence: 'Confidence level of the interval, e.g. 0.9, 0.95 or 0.99.',
  },
});
