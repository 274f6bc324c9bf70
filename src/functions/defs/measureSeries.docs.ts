import { MEASURE_IDS } from '../../core/scorecard/measures';
import { documentFormula } from '../types';
import { MEASURE_SERIES } from './measureSeries';

export const MEASURE_SERIES_DOCS = documentFormula(MEASURE_SERIES, {
  summary:
    'One scorecard measure for each period of a row of period labels (as PERIODS makes): ' +
    `${MEASURE_IDS.join(', ').replace(/, (?=[^,]*$)/, ' or ')}. Rows without a date (titles, totals) are left out.`,
  returns: 'One row with a value per period; blank where a period has nothing to measure.',
  example: '=MEASURE_SERIES("nps", C5:N5, Feedback!A2:A, Feedback!D2:D)',
  args: {
    measure: `The measure's id: ${MEASURE_IDS.join(', ')}.`,
    periods: 'A row of period labels as PERIODS makes them, such as 2026-01 or FY2027-Q1 (Jul).',
    dates: 'The date of each row (for on_time: the delivery dates).',
    a: 'The values: scores, answers, amounts, stars, quantities sold, promised dates (on_time) or order ids ' + '(orders).',
    b:
      'Optional second values: costs (margin), quantities returned (return_rate), responded ' +
      '(review_response), order ids (average_order_value).',
  },
});
