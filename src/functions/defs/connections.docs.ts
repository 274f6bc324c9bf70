import { documentFormula } from '../types';
import { CONNECTIONS } from './connections';

export const CONNECTIONS_DOCS = documentFormula(CONNECTIONS, {
  summary:
    '"Connect the dots": every lead measure × lag measure (one row of values per period each) analysed as ' +
    'LEADLAG does, at its best lag: the correlation, the prewhitened r, the pairs and the adjusted p, turned ' +
    'into a q-value by Benjamini–Hochberg over all the pairs of the table. A link is claimed only where q < 0.05, ' +
    'in a sentence with the direction and the lag. Sorted by q. Give every period the data has: 24 months ' +
    'find what 12 cannot. Evidence, not proof.',
  returns:
    'A table: Lead, Lag, Best lag, Correlation, Prewhitened r, Pairs, Adjusted p, Q-value, Reading, one row ' +
    'per pair (pairs with too few periods last).',
  example: '=CONNECTIONS(C7:N12, C15:N19, B7:B12, B15:B19, 3)',
  args: {
    leads: 'Rows of lead-measure values, one row per measure, one column per period.',
    lags: 'Rows of lag-measure values for the same periods.',
    lead_names: 'The name of each lead row.',
    lag_names: 'The name of each lag row.',
    max_lag: 'The most periods a lag measure may trail by.',
  },
});
