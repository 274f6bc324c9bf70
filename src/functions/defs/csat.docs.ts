import { documentFormula } from '../types';
import { CSAT } from './csat';

export const CSAT_DOCS = documentFormula(CSAT, {
  summary:
    'Customer satisfaction: the share of ratings in the top boxes of the scale (4 or 5 on a 5-point ' +
    'scale). Reads numbers and the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very ' +
    'satisfied.',
  returns: 'A fraction from 0 to 1 (format the cell as a percentage).',
  example: '=CSAT(C2:C500, 5, 2)',
  args: {
    scores: 'The ratings, 1 to scale, or the five satisfaction labels.',
    scale: 'The highest rating on the scale.',
    top_box: 'How many of the top ratings count as satisfied.',
  },
});
