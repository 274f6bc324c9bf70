import { toColumn } from '../../core/values/column';
import { npsCounts, npsInterval, npsRows, npsValue } from '../../core/measures/nps';
import { normalQuantile } from '../../core/stats/normal';
import { defineFormula } from '../types';
import { optNumber, required } from '../args';

export const NPS_DETAIL = defineFormula({
  name: 'NPS_DETAIL',
  summary:
    'The Net Promoter Score with its counts and how sure it is: the margin of error and the ' +
    'confidence interval by the adjusted-Wald method (Rocks 2016).',
  args: [
    { name: 'scores', type: 'range', help: 'The answers, whole numbers from 0 to 10.' },
    { name: 'confidence', type: 'number', default: '0.95', help: 'Confidence level of the interval, e.g. 0.9, 0.95 or 0.99.' },
  ],
  returns: 'A table with one row: Responses, Promoters, Passives, Detractors, NPS, Margin of error, Low, High.',
  example: '=NPS_DETAIL(B2:B500, 0.95)',
  run([scores, confidence]) {
    const level = optNumber(confidence, 'confidence', 0.95, {
      min: 0.5,
      max: 0.9999,
      help: 'give a level between 0.5 and 0.9999, e.g. 0.95',
    });
    const counts = npsCounts(npsRows(toColumn(required(scores, 'scores'), 'scores')));
    const nps = npsValue(counts);
    const ci = npsInterval(counts, normalQuantile((1 + level) / 2));
    return [
      ['Responses', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Margin of error', 'Low', 'High'],
      [counts.responses, counts.promoters, counts.passives, counts.detractors, nps, ci.marginOfError, ci.low, ci.high],
    ];
  },
});
