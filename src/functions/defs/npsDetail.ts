import { npsCounts, npsInterval, npsRows, npsValue } from '../../core/measures/nps';
import { normalQuantile } from '../../core/stats/normal';
import { defineFormula } from '../types';

export const NPS_DETAIL = defineFormula({
  name: 'NPS_DETAIL',
  params: [
    { name: 'scores', kind: 'range' },
    { name: 'confidence', kind: 'number', default: 0.95, min: 0.5, max: 0.9999, hint: 'give a level from 0.5 to 0.9999, e.g. 0.95' },
  ],
  run({ scores, confidence }) {
    const counts = npsCounts(npsRows(scores));
    const nps = npsValue(counts);
    const ci = npsInterval(counts, normalQuantile((1 + confidence) / 2));
    return [
      ['Responses', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Margin of error', 'Low', 'High'],
      [counts.responses, counts.promoters, counts.passives, counts.detractors, nps, ci.marginOfError, ci.low, ci.high],
    ];
  },
});
