import { documentFormula } from '../types';
import { TARGET_STATUS } from './targetStatus';

export const TARGET_STATUS_DOCS = documentFormula(TARGET_STATUS, {
  summary:
    'On track, At risk or Off track: the latest value of a row of values against its target. On track ' +
    'meets the target; at risk misses it by at most 10% of the target; off track misses it by more.',
  returns: 'The text On track, At risk or Off track (blank without a target or a value).',
  example: '=TARGET_STATUS(C7:N7, O7, "higher")',
  args: {
    values: 'The measure per period, oldest first; the last non-blank value counts.',
    target: 'The target; blank gives a blank status.',
    better: '"higher" when more is better, "lower" for measures such as returns.',
  },
});
