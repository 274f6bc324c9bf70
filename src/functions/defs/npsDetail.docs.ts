import { documentFormula } from '../types';
import { NPS_DETAIL } from './npsDetail';

export const NPS_DETAIL_DOCS = documentFormula(NPS_DETAIL, {
  summary:
    'The Net Promoter Score with its counts and how sure it is: the margin of error and the confidence ' +
    'interval by the adjusted-Wald method (Rocks 2016).',
  returns: 'A table with one row: Responses, Promoters, Passives, Detractors, NPS, Margin of error, Low, High.',
  example: '=NPS_DETAIL(B2:B500, 0.95)',
  args: {
    scores: 'The answers, whole numbers from 0 to 10.',
    confidence: 'Confidence level of the interval, e.g. 0.9, 0.95 or 0.99.',
  },
});
