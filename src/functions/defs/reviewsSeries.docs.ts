import { documentFormula } from '../types';
import { REVIEWS_SERIES } from './reviewsSeries';

export const REVIEWS_SERIES_DOCS = documentFormula(REVIEWS_SERIES, {
  summary:
    'Unhappy reviews answered, per period, in one call: among reviews with stars ≤ low_max, the share that got a reply, ' +
    'with the number of such reviews behind each value.',
  returns: 'A table: Measure, Note, then one column per period; a row of values and a row of counts ("review_response:n").',
  example: '=REVIEWS_SERIES(Reviews!A2:A, Reviews!B2:B, Reviews!D2:D, "month")',
  args: {
    dates: 'When each review was posted.',
    stars: 'Star ratings (numbers, "4/5" or ★★☆☆☆).',
    responded: 'Whether it was answered: yes/no, TRUE/FALSE, ✓, or the reply text.',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    start: 'The first period to list, e.g. "2024-11"; blank: the first period with a review.',
    options: 'Rules for reading the rows, e.g. "row=2" (the sheet row the ranges start on).',
    filter1: 'A column the options read to leave rows out.',
    filter2: 'A second such column.',
    filter3: 'A third such column.',
    low_max: 'The highest star rating that counts as unhappy.',
  },
});
