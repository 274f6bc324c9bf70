import { documentFormula } from '../types';
import { IMPROVEMENT_RESULTS } from './improvementResults';

export const IMPROVEMENT_RESULTS_DOCS = documentFormula(IMPROVEMENT_RESULTS, {
  summary:
    'Did the improvement tracker’s actions work? One sentence ("12 actions closed this quarter; 5 moved their measure; ' +
    '3 customers told what changed"), then over all done actions: how many moved their measure beyond routine variation ' +
    '(ACTION_RESULT’s reading), how many customers were unhappy again after the close, how many were told what changed ' +
    'and how many left an address and were not told yet; and by source and by owner, the median days to close.',
  returns:
    'A table: the sentence; Done, Measured, Moved (better), Moved (worse), No change, Too few answers, Share moved, ' +
    'Reopened, Replies sent, Not told yet; then By source and By owner: Done, Median days to close, Moved (better), Reopened.',
  example: '=IMPROVEMENT_RESULTS(K1:K, B1:B, L1:L, C1:C, H1:H, D1:D, E1:E, N1:N, S1:S, T1:T)',
  args: {
    status: 'Each action’s status: done actions count.',
    opened: 'The day each action was opened.',
    closed: 'The day each action was closed.',
    source: 'Where each action came from (Survey response, Review, …).',
    owner: 'Who owns each action.',
    customers: 'The customer of each action.',
    contact: 'The address the customer left to hear back, or blank.',
    replied: 'When the customer was told what changed (the tracker’s Reply sent), or blank.',
    results: 'ACTION_RESULT’s Measured result of each action.',
    unhappy: 'ACTION_RESULT’s Unhappy again of each action.',
    period: 'Optional: the period of the sentence ("this quarter"): "week", "month", "quarter" or "year".',
    as_of: 'Optional: the day the period is the one of; default today.',
  },
});
