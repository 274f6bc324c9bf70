import { documentFormula } from '../types';
import { OKR_SCORE } from './okrScore';

export const OKR_SCORE_DOCS = documentFormula(OKR_SCORE, {
  summary:
    'Score of a key result: how far current has moved from start toward target, from 0 to 1 (works for ' +
    'targets below the start too, such as a cost to cut). 0.7 is a good result for a stretch goal.',
  returns: 'A number from 0 to 1, or an array of the same shape as the ranges given.',
  example: '=OKR_SCORE(B2:B6, C2:C6, D2:D6)',
  args: {
    start: 'Where the key result started (a number or a range).',
    current: 'Where it is now (same shape as start).',
    target: 'Where it should get to (same shape as start).',
  },
});
