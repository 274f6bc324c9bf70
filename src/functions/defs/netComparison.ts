import { comparisonRows } from '../../core/measures/comparison';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';

export const NET_COMPARISON = defineFormula({
  name: 'NET_COMPARISON',
  params: [{ name: 'answers', kind: 'range' }],
  run: ({ answers }) => ratioValue(comparisonRows(answers), 'no answers to score; the range holds only blanks'),
});
