import { documentFormula } from '../types';
import { CONNECTIONS } from './connections';

export const CONNECTIONS_DOCS = documentFormula(CONNECTIONS, {
  summary:
    '"Connect the dots": for every lead measure × lag measure (one row of values per period each), the ' +
    'lag in periods with the strongest evidence, its correlation, p-value and pairs, and a sentence, ' +
    'strongest first. Evidence, not proof.',
  returns: 'A table: Lead, Lag, Best lag, Correlation, P-value, Pairs, Reading.',
  example: '=CONNECTIONS(C7:N12, C15:N19, B7:B12, B15:B19, 3)',
  args: {
    leads: 'Rows of lead-measure values, one row per measure, one column per period.',
    lags: 'Rows of lag-measure values for the same periods.',
    lead_names: 'The name of each lead row.',
    lag_names: 'The name of each lag row.',
    max_lag: 'The most periods a lag measure may trail by.',
  },
});
