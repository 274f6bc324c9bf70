import { documentFormula } from '../types';
import { NPS } from './nps';

export const NPS_DOCS = documentFormula(NPS, {
  summary:
    'Net Promoter Score of answers to "How likely are you to refer us to a colleague?" (0–10): the ' +
    'percentage of promoters (9–10) minus the percentage of detractors (0–6). Blanks are skipped.',
  returns: 'A number from −100 to 100.',
  example: '=NPS(B2:B500)',
  args: {
    scores: 'The answers, whole numbers from 0 to 10 (text such as "10 - Extremely likely" is read too).',
  },
});
