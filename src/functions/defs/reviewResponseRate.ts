import { reviewRows } from '../../core/measures/reviews';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';

export const REVIEW_RESPONSE_RATE = defineFormula({
  name: 'REVIEW_RESPONSE_RATE',
  params: [
    { name: 'stars', kind: 'range' },
    { name: 'responded', kind: 'range' },
    { name: 'low_max', kind: 'number', default: 2, min: 0, max: 10, hint: 'give a number of stars from 0 to 10, such as 2' },
  ],
  run: ({ stars, responded, low_max }) =>
    ratioValue(reviewRows(stars, responded, low_max), `no reviews with ${low_max} stars or fewer, so nothing needed an answer`),
});
