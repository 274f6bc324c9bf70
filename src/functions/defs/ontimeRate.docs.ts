import { documentFormula } from '../types';
import { ONTIME_RATE } from './ontimeRate';

export const ONTIME_RATE_DOCS = documentFormula(ONTIME_RATE, {
  summary:
    'The share of delivered orders that arrived on or before the promised day. Orders not yet delivered ' +
    '(no delivery date) are left out.',
  returns: 'A fraction from 0 to 1.',
  example: '=ONTIME_RATE(H2:H900, I2:I900)',
  args: {
    promised: 'The promised delivery dates.',
    delivered: 'The actual delivery dates, same size; blank while not delivered.',
  },
});
