import { csatRows } from '../../core/measures/csat';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';

export const CSAT = defineFormula({
  name: 'CSAT',
  params: [
    { name: 'scores', kind: 'range' },
    { name: 'scale', kind: 'number', default: 5, integer: true, min: 2, max: 100 },
    { name: 'top_box', kind: 'number', default: 2, integer: true, min: 1, max: (a) => (a.scale as number) - 1 },
  ],
  run: ({ scores, scale, top_box }) => ratioValue(csatRows(scores, scale, top_box), 'no ratings to score; the range holds only blanks'),
});
