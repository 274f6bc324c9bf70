import { documentFormula } from '../types';
import { REVIEW_RESPONSE_RATE } from './reviewResponseRate';

export const REVIEW_RESPONSE_RATE_DOCS = documentFormula(REVIEW_RESPONSE_RATE, {
  summary:
    'Among unhappy reviews (stars ≤ low_max), the share that got a reply. Only about one unhappy customer ' +
    'in five complains: an unanswered low review is a customer you can still win back.',
  returns: 'A fraction from 0 to 1.',
  example: '=REVIEW_RESPONSE_RATE(B2:B300, D2:D300, 2)',
  args: {
    stars: 'Star ratings (numbers, "4/5" or ★★☆☆☆).',
    responded: 'Whether it was answered: yes/no, TRUE/FALSE, ✓, or the reply text.',
    low_max: 'The highest star rating that counts as unhappy.',
  },
});
