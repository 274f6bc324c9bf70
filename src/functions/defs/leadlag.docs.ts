import { documentFormula } from '../types';
import { LEADLAG } from './leadlag';

export const LEADLAG_DOCS = documentFormula(LEADLAG, {
  summary:
    'Does the lead measure move the lag measure, and how many periods later? For each lag k from 0 to ' +
    'max_lag: the correlation of lead[t] with lag[t + k] as CORREL gives it, then the evidence, computed after ' +
    'prewhitening (each series filtered with the AR(1) coefficient of the lead, so that two trends do not look ' +
    'like a link): the prewhitened r, its pairs and p-value (none under 8 pairs). The best lag has the smallest ' +
    'p; its adjusted p (× the lags tried) decides the reading: strong evidence below 0.01, some below 0.05, ' +
    'else no evidence yet. Evidence, not proof.',
  returns:
    'A table: Lag, Correlation, Prewhitened r, Pairs, P-value, one row per lag; then Best, the best lag, ' +
    '"Adjusted p", its value and the reading.',
  example: '=LEADLAG(C2:C25, D2:D25, 3)',
  args: {
    lead: 'The lead measure, one value per period, oldest first (e.g. NPS per month).',
    lag: 'The lag measure for the same periods (e.g. revenue per month).',
    max_lag: 'The most periods the lag measure may trail by (each lag tried makes the evidence needed stronger).',
  },
});
