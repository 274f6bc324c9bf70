import { npsCounts, npsRows, npsValue } from '../../core/measures/nps';
import { defineFormula } from '../types';

export const NPS = defineFormula({
  name: 'NPS',
  params: [{ name: 'scores', kind: 'range' }],
  run: ({ scores }) => npsValue(npsCounts(npsRows(scores))),
});
