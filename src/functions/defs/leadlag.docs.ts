import { documentFormula } from '../types';
import { LEADLAG } from './leadlag';

export const LEADLAG_DOCS = documentFormula(LEADLAG, {
  summary:
    'Does the lead measure move the lag measure, and how many periods later? For each lag from 0 to ' +
    'max_lag, the correlation of lead[t] with lag[t + k], the number of pairs and the p-value, then a ' +
    'sentence a manager reads. Correlation is evidence, not proof.',
  returns: 'A table: Lag, Correlation, Pairs, P-value; then a row with the sentence.',
  example: '=LEADLAG(C2:C25, D2:D25, 3)',
  args: {
    lead: 'The lead measure, one value per period, oldest first (e.g. NPS per month).',
    lag: 'The lag measure for the same periods (e.g. revenue per month).',
    max_lag: 'The most periods the lag measure may trail by.',
  },
});
