import { toColumn } from '../../core/values/column';
import { npsCounts, npsRows, npsValue } from '../../core/measures/nps';
import { defineFormula } from '../types';
import { required } from '../args';

export const NPS = defineFormula({
  name: 'NPS',
  summary:
    'Net Promoter Score of answers to "How likely are you to refer us to a colleague?" (0–10): ' +
    'the percentage of promoters (9–10) minus the percentage of detractors (0–6). Blanks are skipped.',
  args: [
    { name: 'scores', type: 'range', help: 'The answers, whole numbers from 0 to 10 (text such as "10 - Extremely likely" is read too).' },
  ],
  returns: 'A number from −100 to 100.',
  example: '=NPS(B2:B500)',
  run([scores]) {
    return npsValue(npsCounts(npsRows(toColumn(required(scores, 'scores'), 'scores'))));
  },
});
