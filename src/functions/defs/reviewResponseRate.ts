import { toColumn } from '../../core/values/column';
import { reviewRows } from '../../core/measures/reviews';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';
import { optNumber, required } from '../args';

export const REVIEW_RESPONSE_RATE = defineFormula({
  name: 'REVIEW_RESPONSE_RATE',
  summary:
    'Among unhappy reviews (stars ≤ low_max), the share that got a reply. Only about one unhappy customer ' +
    'in five complains: an unanswered low review is a customer you can still win back.',
  args: [
    { name: 'stars', type: 'range', help: 'Star ratings (numbers, "4/5" or ★★☆☆☆).' },
    { name: 'responded', type: 'range', help: 'Whether it was answered: yes/no, TRUE/FALSE, ✓, or the reply text.' },
    { name: 'low_max', type: 'number', default: '2', help: 'The highest star rating that counts as unhappy.' },
  ],
  returns: 'A fraction from 0 to 1.',
  example: '=REVIEW_RESPONSE_RATE(B2:B300, D2:D300, 2)',
  run([stars, responded, lowMax]) {
    const low = optNumber(lowMax, 'low_max', 2, { min: 0, max: 10, help: 'give a number of stars such as 2' });
    const rows = reviewRows(
      toColumn(required(stars, 'stars'), 'stars', true),
      toColumn(required(responded, 'responded'), 'responded', true),
      low,
    );
    return ratioValue(rows, `no reviews with ${low} stars or fewer, so nothing needed an answer`);
  },
});
