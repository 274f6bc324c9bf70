import { toColumn } from '../../core/values/column';
import { csatRows } from '../../core/measures/csat';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';
import { optNumber, required } from '../args';

export const CSAT = defineFormula({
  name: 'CSAT',
  summary:
    'Customer satisfaction: the share of ratings in the top boxes of the scale (4 or 5 on a 5-point scale). ' +
    'Reads numbers and the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied.',
  args: [
    { name: 'scores', type: 'range', help: 'The ratings, 1 to scale, or the five satisfaction labels.' },
    { name: 'scale', type: 'number', default: '5', help: 'The highest rating on the scale.' },
    { name: 'top_box', type: 'number', default: '2', help: 'How many of the top ratings count as satisfied.' },
  ],
  returns: 'A fraction from 0 to 1 (format the cell as a percentage).',
  example: '=CSAT(C2:C500, 5, 2)',
  run([scores, scale, topBox]) {
    const s = optNumber(scale, 'scale', 5, { integer: true, min: 2, max: 100, help: 'give the highest rating, e.g. 5 or 10' });
    const t = optNumber(topBox, 'top_box', 2, {
      integer: true,
      min: 1,
      max: s - 1,
      help: `give how many top ratings count, from 1 to ${s - 1}`,
    });
    const rows = csatRows(toColumn(required(scores, 'scores'), 'scores'), s, t);
    return ratioValue(rows, 'no ratings to score; the range holds only blanks');
  },
});
